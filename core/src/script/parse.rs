//! The statements and expressions of the subset: declarations, function declarations and
//! arrow functions, calls, member reads, assignments, object literals, string and number
//! literals. A script with anything else does not parse, and is left alone.

use std::rc::Rc;

use super::lex::{Tok, Token};
use super::Unsupported;

#[derive(Debug)]
pub(super) enum Expr {
    Str(Rc<str>),
    Num(f64),
    Bool(bool),
    Null,
    Undefined,
    Ident(String),
    Member(Box<Expr>, String),
    Call(Box<Expr>, Vec<Expr>),
    /// `target = value`; the target is an identifier or a member.
    Assign(Box<Expr>, Box<Expr>),
    Object(Vec<(String, Expr)>),
    Function(Rc<Function>),
}

#[derive(Debug)]
pub(super) struct Function {
    pub params: Vec<String>,
    pub body: Body,
}

#[derive(Debug)]
pub(super) enum Body {
    Expr(Expr),
    Block(Vec<Stmt>),
}

#[derive(Debug)]
pub(super) enum Stmt {
    Let(String, Expr),
    Function(String, Rc<Function>),
    Return(Option<Expr>),
    Expr(Expr),
}

/// Nesting deeper than this (parentheses, functions, objects) is not read.
const MAX_NESTING: usize = 64;

pub(super) fn parse_program(tokens: &[Token]) -> Result<Vec<Stmt>, Unsupported> {
    let mut p = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let mut out = Vec::new();
    while p.at < tokens.len() {
        if let Some(stmt) = p.statement()? {
            out.push(stmt);
        }
    }
    Ok(out)
}

struct Parser<'t> {
    tokens: &'t [Token],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|t| &t.tok)
    }
    fn peek_at(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.at + ahead).map(|t| &t.tok)
    }
    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::Punct(q)) if *q == p)
    }
    fn eat_punct(&mut self, p: &str) -> bool {
        let yes = self.is_punct(p);
        if yes {
            self.at += 1;
        }
        yes
    }
    fn expect_punct(&mut self, p: &str) -> Result<(), Unsupported> {
        self.eat_punct(p).then_some(()).ok_or(Unsupported)
    }
    fn ident(&mut self) -> Result<String, Unsupported> {
        match self.peek() {
            Some(Tok::Ident(name)) if !is_reserved(name) => {
                let name = name.clone();
                self.at += 1;
                Ok(name)
            }
            _ => Err(Unsupported),
        }
    }
    fn keyword(&self) -> Option<&str> {
        match self.peek() {
            Some(Tok::Ident(name)) => Some(name.as_str()),
            _ => None,
        }
    }

    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, Unsupported>,
    ) -> Result<T, Unsupported> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(Unsupported);
        }
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// One statement; `None` for an empty one.
    fn statement(&mut self) -> Result<Option<Stmt>, Unsupported> {
        if self.eat_punct(";") {
            return Ok(None);
        }
        let stmt = match self.keyword() {
            Some("const" | "let" | "var") => {
                self.at += 1;
                let name = self.ident()?;
                let value = if self.eat_punct("=") {
                    self.expression()?
                } else {
                    Expr::Undefined
                };
                Stmt::Let(name, value)
            }
            Some("function") => {
                self.at += 1;
                let name = self.ident()?;
                let f = self.function_rest()?;
                // A declaration needs no semicolon.
                return Ok(Some(Stmt::Function(name, f)));
            }
            Some("return") => {
                self.at += 1;
                let value = if self.at_statement_end() {
                    None
                } else {
                    Some(self.expression()?)
                };
                Stmt::Return(value)
            }
            _ => Stmt::Expr(self.expression()?),
        };
        self.statement_end()?;
        Ok(Some(stmt))
    }

    fn at_statement_end(&self) -> bool {
        match self.tokens.get(self.at) {
            None => true,
            Some(t) => t.newline_before || matches!(t.tok, Tok::Punct(";" | "}")),
        }
    }

    /// A `;`, or where JavaScript inserts one: before a line break, a `}` or the end.
    fn statement_end(&mut self) -> Result<(), Unsupported> {
        if self.eat_punct(";") || self.at_statement_end() {
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    /// `(params) { body }` after `function name`.
    fn function_rest(&mut self) -> Result<Rc<Function>, Unsupported> {
        self.expect_punct("(")?;
        let params = self.params()?;
        let body = Body::Block(self.block()?);
        Ok(Rc::new(Function { params, body }))
    }

    /// Parameter names up to and including `)`.
    fn params(&mut self) -> Result<Vec<String>, Unsupported> {
        let mut params = Vec::new();
        while !self.eat_punct(")") {
            params.push(self.ident()?);
            if !self.eat_punct(",") {
                self.expect_punct(")")?;
                break;
            }
        }
        Ok(params)
    }

    fn block(&mut self) -> Result<Vec<Stmt>, Unsupported> {
        self.expect_punct("{")?;
        self.nested(|p| {
            let mut out = Vec::new();
            while !p.eat_punct("}") {
                if p.peek().is_none() {
                    return Err(Unsupported);
                }
                if let Some(stmt) = p.statement()? {
                    out.push(stmt);
                }
            }
            Ok(out)
        })
    }

    fn expression(&mut self) -> Result<Expr, Unsupported> {
        self.nested(|p| {
            if let Some(f) = p.arrow()? {
                return Ok(Expr::Function(f));
            }
            let target = p.postfix()?;
            if p.eat_punct("=") {
                if !matches!(target, Expr::Ident(_) | Expr::Member(..)) {
                    return Err(Unsupported);
                }
                let value = p.expression()?;
                return Ok(Expr::Assign(Box::new(target), Box::new(value)));
            }
            Ok(target)
        })
    }

    /// An arrow function starting here, if one does.
    fn arrow(&mut self) -> Result<Option<Rc<Function>>, Unsupported> {
        let params = match (self.peek(), self.peek_at(1)) {
            (Some(Tok::Ident(name)), Some(Tok::Punct("=>"))) if !is_reserved(name) => {
                let name = name.clone();
                self.at += 2;
                vec![name]
            }
            (Some(Tok::Punct("(")), _) => {
                let start = self.at;
                self.at += 1;
                match self.params() {
                    Ok(params) if self.eat_punct("=>") => params,
                    _ => {
                        self.at = start;
                        return Ok(None);
                    }
                }
            }
            _ => return Ok(None),
        };
        let body = if self.is_punct("{") {
            Body::Block(self.block()?)
        } else {
            Body::Expr(self.expression()?)
        };
        Ok(Some(Rc::new(Function { params, body })))
    }

    fn postfix(&mut self) -> Result<Expr, Unsupported> {
        let mut expr = self.primary()?;
        loop {
            if self.eat_punct(".") {
                // Property names may be reserved words (`el.class` is rare, `x.default` isn't).
                let name = match self.peek() {
                    Some(Tok::Ident(name)) => name.clone(),
                    _ => return Err(Unsupported),
                };
                self.at += 1;
                expr = Expr::Member(Box::new(expr), name);
            } else if self.eat_punct("(") {
                let mut args = Vec::new();
                while !self.eat_punct(")") {
                    args.push(self.expression()?);
                    if !self.eat_punct(",") {
                        self.expect_punct(")")?;
                        break;
                    }
                }
                expr = Expr::Call(Box::new(expr), args);
            } else {
                return Ok(expr);
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, Unsupported> {
        let token = self.peek().cloned().ok_or(Unsupported)?;
        self.at += 1;
        Ok(match token {
            Tok::Str(s) => Expr::Str(s.into()),
            Tok::Num(n) => Expr::Num(n),
            Tok::Ident(name) => match name.as_str() {
                "true" => Expr::Bool(true),
                "false" => Expr::Bool(false),
                "null" => Expr::Null,
                "undefined" => Expr::Undefined,
                "function" => {
                    if !self.is_punct("(") {
                        self.ident()?; // a named function expression
                    }
                    Expr::Function(self.function_rest()?)
                }
                _ if is_reserved(&name) => return Err(Unsupported),
                _ => Expr::Ident(name),
            },
            Tok::Punct("-") => match self.peek() {
                Some(Tok::Num(n)) => {
                    let n = -*n;
                    self.at += 1;
                    Expr::Num(n)
                }
                _ => return Err(Unsupported),
            },
            Tok::Punct("(") => {
                let inner = self.expression()?;
                self.expect_punct(")")?;
                inner
            }
            Tok::Punct("{") => self.nested(|p| {
                let mut fields = Vec::new();
                while !p.eat_punct("}") {
                    let key = match p.peek().cloned() {
                        Some(Tok::Ident(k)) | Some(Tok::Str(k)) => k,
                        _ => return Err(Unsupported),
                    };
                    p.at += 1;
                    p.expect_punct(":")?;
                    fields.push((key, p.expression()?));
                    if !p.eat_punct(",") {
                        p.expect_punct("}")?;
                        break;
                    }
                }
                Ok(Expr::Object(fields))
            })?,
            _ => return Err(Unsupported),
        })
    }
}

/// Words that start constructs outside the subset (or are values handled in `primary`).
fn is_reserved(name: &str) -> bool {
    matches!(
        name,
        "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "export"
            | "extends"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "let"
            | "new"
            | "return"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
            | "yield"
            | "async"
            | "await"
            | "true"
            | "false"
            | "null"
            | "undefined"
    )
}

#[cfg(test)]
mod tests {
    use super::super::lex::tokenize;
    use super::*;

    fn parse(s: &str) -> Result<Vec<Stmt>, Unsupported> {
        parse_program(&tokenize(s)?)
    }

    #[test]
    fn statements_of_the_subset() {
        let program = parse(
            "const host = document.querySelector('#host')\n\
             const root = host.attachShadow({ mode: 'open' });\n\
             root.innerHTML = '<p>x</p>'\n\
             function f(a, b) { return a }\n\
             el.addEventListener('focus', () => { other.focus() })\n\
             window.addEventListener('load', function () { f(1, 2) })",
        )
        .unwrap();
        assert_eq!(program.len(), 6);
        assert!(matches!(&program[0], Stmt::Let(name, Expr::Call(..)) if name == "host"));
        assert!(matches!(&program[2], Stmt::Expr(Expr::Assign(..))));
        assert!(
            matches!(&program[3], Stmt::Function(name, f) if name == "f" && f.params.len() == 2)
        );
    }

    #[test]
    fn outside_the_subset() {
        for s in [
            "if (a) b()",
            "for (;;) {}",
            "new Foo()",
            "a.b c",
            "this.x = 1",
            "a[0] = 1",
            "x = y z",
            "(function(){",
            "f(1,,2)",
            "let = 1",
            "a - 1",
            "x = -y",
        ] {
            assert!(parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&deep).is_err());
        let deep = format!("f{}", "(()=>".repeat(5_000));
        assert!(parse(&deep).is_err());
    }
}
