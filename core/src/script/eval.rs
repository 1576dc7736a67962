//! Runs a parsed script against the parsed page: the DOM methods the subset models change the
//! tree as a browser would. Anything else (an unknown method, a value of the wrong type, a
//! lookup that finds nothing) stops the script with [`Unsupported`]: a browser might have
//! done something the engine does not know about.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::html::tree::{Element, ElementRef, Html, Node, NodeId, NodeRef, Selector, Text};
use html5ever::{ns, Attribute, LocalName, QualName};

use super::parse::{Body, Expr, Function, Stmt};
use super::Unsupported;

/// Work one page's scripts may do in all (statements and calls), and how deep calls nest.
const MAX_STEPS: usize = 20_000;
const MAX_CALL_DEPTH: usize = 32;

#[derive(Clone)]
pub(super) enum Value {
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(Rc<str>),
    /// An element, text node, shadow root or document fragment of the page's tree.
    Node(NodeId),
    Object(Fields),
    Func(Rc<Function>, Rc<Scope>),
    Document,
    Window,
    Console,
    ClassList(NodeId),
}

/// An object's properties, in the order they were set (a later one wins).
pub(super) type Fields = Rc<RefCell<Vec<(String, Value)>>>;

pub(super) struct Scope {
    vars: RefCell<HashMap<String, Value>>,
    parent: Option<Rc<Scope>>,
}

impl Scope {
    fn new(parent: Option<&Rc<Scope>>) -> Rc<Scope> {
        Rc::new(Scope {
            vars: RefCell::new(HashMap::new()),
            parent: parent.cloned(),
        })
    }
    fn lookup(&self, name: &str) -> Option<Value> {
        match self.vars.borrow().get(name) {
            Some(v) => Some(v.clone()),
            None => self.parent.as_ref()?.lookup(name),
        }
    }
    /// Assigns to the nearest scope that declares `name`; false if none does.
    fn assign(&self, name: &str, value: Value) -> bool {
        if let Some(slot) = self.vars.borrow_mut().get_mut(name) {
            *slot = value;
            return true;
        }
        self.parent.as_ref().is_some_and(|p| p.assign(name, value))
    }
}

/// A listener a script added.
pub(super) struct Listener {
    pub target: NodeId,
    pub event: String,
    pub handler: Value,
}

/// The page's tree and what its scripts did to it.
pub(super) struct Dom<'h> {
    pub html: &'h mut Html,
    /// Shadow host → shadow root (a fragment node outside the document tree).
    pub shadow_roots: Vec<(NodeId, NodeId)>,
    pub listeners: Vec<Listener>,
    /// Events the window or document listens to, other than load events (never run).
    pub page_listeners: Vec<String>,
    /// Elements whose attributes a script set or removed.
    pub attributes_set: Vec<NodeId>,
    /// Elements a script created (`createElement`, `innerHTML`).
    pub created_elements: usize,
    /// `DOMContentLoaded` and `load` handlers, run after every script.
    pub on_load: Vec<Value>,
    /// The dialog opened with `showModal()` and still open: the rest of the page is inert.
    pub modal: Option<NodeId>,
    /// While set, lookups see only the nodes before this one in document order (a classic
    /// script runs before the rest of the page is parsed).
    pub parsed_up_to: Option<NodeId>,
    /// While set (probing an event handler), the tree may not change; the elements the
    /// handler focuses are listed here.
    pub probe: Option<Vec<NodeId>>,
    steps: usize,
    depth: usize,
    /// Every scope and object made, so that the cycles closures and objects form (a
    /// function stored in the scope it closes over) are broken when the run ends.
    scopes: Vec<Rc<Scope>>,
    objects: Vec<Fields>,
}

impl Drop for Dom<'_> {
    fn drop(&mut self) {
        for scope in &self.scopes {
            scope.vars.borrow_mut().clear();
        }
        for object in &self.objects {
            object.borrow_mut().clear();
        }
    }
}

impl<'h> Dom<'h> {
    pub fn new(html: &'h mut Html) -> Dom<'h> {
        Dom {
            html,
            shadow_roots: Vec::new(),
            listeners: Vec::new(),
            page_listeners: Vec::new(),
            attributes_set: Vec::new(),
            created_elements: 0,
            on_load: Vec::new(),
            modal: None,
            parsed_up_to: None,
            probe: None,
            steps: 0,
            depth: 0,
            scopes: Vec::new(),
            objects: Vec::new(),
        }
    }

    /// The scope the page's scripts share.
    pub fn global_scope(&mut self) -> Rc<Scope> {
        let scope = Scope::new(None);
        self.scopes.push(Rc::clone(&scope));
        scope
    }

    /// An object value, kept track of (see [`Dom::objects`]).
    pub fn object(&mut self, fields: Vec<(String, Value)>) -> Value {
        let object = Rc::new(RefCell::new(fields));
        self.objects.push(Rc::clone(&object));
        Value::Object(object)
    }

    fn step(&mut self) -> Result<(), Unsupported> {
        self.steps += 1;
        (self.steps <= MAX_STEPS).then_some(()).ok_or(Unsupported)
    }

    pub fn run(&mut self, program: &[Stmt], scope: &Rc<Scope>) -> Result<(), Unsupported> {
        self.exec(program, scope, false).map(|_| ())
    }

    /// Runs statements in `scope`, function declarations hoisted. In a function body
    /// (`in_function`) a `return` may end it and gives its value; anywhere else (an early
    /// exit, or at the top level) it is outside the subset.
    fn exec(
        &mut self,
        stmts: &[Stmt],
        scope: &Rc<Scope>,
        in_function: bool,
    ) -> Result<Value, Unsupported> {
        for stmt in stmts {
            if let Stmt::Function(name, f) = stmt {
                scope
                    .vars
                    .borrow_mut()
                    .insert(name.clone(), Value::Func(Rc::clone(f), Rc::clone(scope)));
            }
        }
        for (i, stmt) in stmts.iter().enumerate() {
            self.step()?;
            match stmt {
                Stmt::Let(name, expr) => {
                    let value = self.eval(expr, scope)?;
                    scope.vars.borrow_mut().insert(name.clone(), value);
                }
                Stmt::Function(..) => {}
                Stmt::Expr(expr) => {
                    self.eval(expr, scope)?;
                }
                Stmt::Return(value) if in_function && i + 1 == stmts.len() => {
                    return match value {
                        Some(e) => self.eval(e, scope),
                        None => Ok(Value::Undefined),
                    };
                }
                Stmt::Return(_) => return Err(Unsupported),
            }
        }
        Ok(Value::Undefined)
    }

    pub fn call(&mut self, callee: &Value, args: Vec<Value>) -> Result<Value, Unsupported> {
        let Value::Func(f, closure) = callee else {
            return Err(Unsupported);
        };
        if self.depth >= MAX_CALL_DEPTH {
            return Err(Unsupported);
        }
        self.depth += 1;
        let scope = Scope::new(Some(closure));
        self.scopes.push(Rc::clone(&scope));
        let mut args = args.into_iter();
        for p in &f.params {
            let v = args.next().unwrap_or(Value::Undefined);
            scope.vars.borrow_mut().insert(p.clone(), v);
        }
        let out = match &f.body {
            Body::Expr(e) => self.eval(e, &scope),
            Body::Block(stmts) => self.exec(stmts, &scope, true),
        };
        self.depth -= 1;
        out
    }

    fn eval(&mut self, expr: &Expr, scope: &Rc<Scope>) -> Result<Value, Unsupported> {
        self.step()?;
        Ok(match expr {
            Expr::Str(s) => Value::Str(Rc::clone(s)),
            Expr::Num(n) => Value::Num(*n),
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Null => Value::Null,
            Expr::Undefined => Value::Undefined,
            Expr::Function(f) => Value::Func(Rc::clone(f), Rc::clone(scope)),
            Expr::Object(fields) => {
                let mut out = Vec::new();
                for (k, e) in fields {
                    out.push((k.clone(), self.eval(e, scope)?));
                }
                self.object(out)
            }
            Expr::Ident(name) => self.identifier(name, scope)?,
            Expr::Member(object, name) => {
                let object = self.eval(object, scope)?;
                self.get(&object, name)?
            }
            Expr::Call(callee, args) => {
                let mut values = Vec::with_capacity(args.len());
                match &**callee {
                    Expr::Member(object, method) => {
                        let object = self.eval(object, scope)?;
                        for a in args {
                            values.push(self.eval(a, scope)?);
                        }
                        self.method(&object, method, values)?
                    }
                    other => {
                        let f = self.eval(other, scope)?;
                        for a in args {
                            values.push(self.eval(a, scope)?);
                        }
                        self.call(&f, values)?
                    }
                }
            }
            Expr::Assign(target, value) => {
                let value = self.eval(value, scope)?;
                match &**target {
                    Expr::Ident(name) => {
                        if !scope.assign(name, value.clone()) {
                            return Err(Unsupported); // an implicit global
                        }
                    }
                    Expr::Member(object, name) => {
                        let object = self.eval(object, scope)?;
                        self.set(&object, name, value.clone())?;
                    }
                    _ => return Err(Unsupported),
                }
                value
            }
        })
    }

    fn identifier(&mut self, name: &str, scope: &Rc<Scope>) -> Result<Value, Unsupported> {
        if let Some(v) = scope.lookup(name) {
            return Ok(v);
        }
        Ok(match name {
            "document" => Value::Document,
            "window" | "globalThis" | "self" => Value::Window,
            "console" => Value::Console,
            // Named access on the window: an element with that id.
            _ => Value::Node(
                self.element_by_id(self.document_id(), name)
                    .ok_or(Unsupported)?,
            ),
        })
    }

    fn get(&mut self, object: &Value, name: &str) -> Result<Value, Unsupported> {
        Ok(match (object, name) {
            (Value::Window, "document") => Value::Document,
            (Value::Document, "body" | "head" | "documentElement") => {
                let tag = match name {
                    "documentElement" => "html",
                    other => other,
                };
                let found = self.find(self.document_id(), |e| {
                    e.name.ns == ns!(html) && &*e.name.local == tag
                });
                found.map_or(Value::Null, Value::Node)
            }
            (Value::Node(id), "content") if self.is_element(*id, "template") => {
                // The tree keeps a template's contents in a fragment child.
                let fragment = self
                    .html
                    .tree
                    .get(*id)
                    .and_then(|n| n.children().find(|c| c.value().is_fragment()))
                    .ok_or(Unsupported)?;
                Value::Node(fragment.id())
            }
            (Value::Node(id), "shadowRoot") => self
                .shadow_roots
                .iter()
                .find(|(host, _)| host == id)
                .map_or(Value::Null, |&(_, root)| Value::Node(root)),
            (Value::Node(id), "classList") if self.element(*id).is_some() => Value::ClassList(*id),
            (Value::Node(id), "id") => self
                .attr(*id, "id")
                .map_or(Value::Str("".into()), |v| Value::Str(v.into())),
            (Value::Object(fields), key) => fields
                .borrow()
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map_or(Value::Undefined, |(_, v)| v.clone()),
            _ => return Err(Unsupported),
        })
    }

    fn set(&mut self, object: &Value, name: &str, value: Value) -> Result<(), Unsupported> {
        let Value::Node(id) = *object else {
            return match object {
                Value::Object(fields) => {
                    fields.borrow_mut().push((name.to_string(), value));
                    Ok(())
                }
                _ => Err(Unsupported),
            };
        };
        self.mutating()?;
        match name {
            "innerHTML" => {
                let markup = string(&value)?;
                self.set_inner_html(id, &markup)
            }
            "textContent" => {
                let text = match value {
                    Value::Null => Rc::from(""),
                    v => string(&v)?,
                };
                self.clear_children(id)?;
                if !text.is_empty() {
                    let text = Node::Text(Text {
                        text: (*text).into(),
                    });
                    self.html.tree.get_mut(id).ok_or(Unsupported)?.append(text);
                }
                Ok(())
            }
            "id" | "className" | "tabIndex" | "title" | "lang" | "dir" => {
                let attribute = match name {
                    "className" => "class",
                    "tabIndex" => "tabindex",
                    other => other,
                };
                let text = match value {
                    Value::Num(n) if n.fract() == 0.0 => Rc::from(format!("{n}").as_str()),
                    v => string(&v)?,
                };
                self.set_attribute(id, attribute, Some(&text))
            }
            "hidden" | "inert" => match value {
                Value::Bool(on) => self.set_attribute(id, name, on.then_some("")),
                _ => Err(Unsupported),
            },
            _ => Err(Unsupported),
        }
    }

    fn method(
        &mut self,
        object: &Value,
        method: &str,
        args: Vec<Value>,
    ) -> Result<Value, Unsupported> {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Undefined);
        match (object, method) {
            (Value::Console, "log" | "info" | "warn" | "error" | "debug") => Ok(Value::Undefined),
            (Value::Document, "getElementById") => {
                let id = string(&arg(0))?;
                Ok(self
                    .element_by_id(self.document_id(), &id)
                    .map_or(Value::Null, Value::Node))
            }
            (Value::Node(root), "getElementById") if self.is_fragment(*root) => {
                let id = string(&arg(0))?;
                Ok(self
                    .element_by_id(*root, &id)
                    .map_or(Value::Null, Value::Node))
            }
            (Value::Document, "querySelector") => {
                self.query_selector(self.document_id(), &string(&arg(0))?)
            }
            (Value::Node(root), "querySelector") => self.query_selector(*root, &string(&arg(0))?),
            (Value::Document, "createElement") => {
                self.mutating()?;
                let name = string(&arg(0))?.to_ascii_lowercase();
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                {
                    return Err(Unsupported);
                }
                let element = Element::new(
                    QualName::new(None, ns!(html), LocalName::from(name.as_str())),
                    Vec::new(),
                );
                self.created_elements += 1;
                Ok(Value::Node(
                    self.html.tree.orphan(Node::Element(element)).id(),
                ))
            }
            (Value::Document, "createTextNode") => {
                self.mutating()?;
                let text = string(&arg(0))?;
                let node = Node::Text(Text {
                    text: (*text).into(),
                });
                Ok(Value::Node(self.html.tree.orphan(node).id()))
            }
            (Value::Window | Value::Document, "addEventListener") => {
                let event = string(&arg(0))?;
                if !matches!(arg(1), Value::Func(..)) {
                    return Err(Unsupported);
                }
                match &*event {
                    "DOMContentLoaded" | "load" => self.on_load.push(arg(1)),
                    // Other window events need a user or a timer: nothing happens on load.
                    other => self.page_listeners.push(other.to_string()),
                }
                Ok(Value::Undefined)
            }
            (Value::Node(id), "addEventListener") if self.element(*id).is_some() => {
                let event = string(&arg(0))?;
                if !matches!(arg(1), Value::Func(..)) {
                    return Err(Unsupported);
                }
                self.listeners.push(Listener {
                    target: *id,
                    event: event.to_string(),
                    handler: arg(1),
                });
                Ok(Value::Undefined)
            }
            (Value::Node(id), "focus") if self.element(*id).is_some() => {
                if let Some(focused) = &mut self.probe {
                    focused.push(*id);
                }
                Ok(Value::Undefined)
            }
            (Value::Node(id), "attachShadow") => {
                self.mutating()?;
                let can_host = self.element(*id).is_some_and(|e| {
                    e.name.ns == ns!(html)
                        && super::signals::is_valid_shadow_host_name(&e.name.local)
                });
                let open_or_closed = match arg(0) {
                    Value::Object(fields) => fields.borrow().iter().any(|(k, v)| {
                        k == "mode"
                            && matches!(v, Value::Str(m) if &**m == "open" || &**m == "closed")
                    }),
                    _ => false,
                };
                let taken = self.shadow_roots.iter().any(|(host, _)| host == id);
                if !can_host || !open_or_closed || taken {
                    return Err(Unsupported); // the browser throws
                }
                let root = self.html.tree.orphan(Node::Fragment).id();
                self.shadow_roots.push((*id, root));
                Ok(Value::Node(root))
            }
            (Value::Node(parent), "appendChild" | "append") => {
                self.mutating()?;
                let Value::Node(child) = arg(0) else {
                    return Err(Unsupported);
                };
                if args.len() != 1 {
                    return Err(Unsupported);
                }
                self.append_child(*parent, child)?;
                Ok(arg(0))
            }
            (Value::Node(id), "showModal" | "show" | "close") if self.is_element(*id, "dialog") => {
                self.mutating()?;
                let open = self.attr(*id, "open").is_some();
                match method {
                    // Opening an open dialog throws (or does nothing the engine models).
                    "showModal" | "show" if open => return Err(Unsupported),
                    "showModal" | "show" => {
                        // A second modal dialog on top of another is not modelled.
                        if method == "showModal" {
                            if self.modal.is_some() {
                                return Err(Unsupported);
                            }
                            self.modal = Some(*id);
                        }
                        self.set_attribute(*id, "open", Some(""))?;
                    }
                    _ => {
                        if self.modal == Some(*id) {
                            self.modal = None;
                        }
                        self.set_attribute(*id, "open", None)?;
                    }
                }
                Ok(Value::Undefined)
            }
            (Value::Node(id), "setAttribute") => {
                self.mutating()?;
                let (name, value) = (string(&arg(0))?, string(&arg(1))?);
                self.set_attribute(*id, &name.to_ascii_lowercase(), Some(&value))?;
                Ok(Value::Undefined)
            }
            (Value::Node(id), "removeAttribute") => {
                self.mutating()?;
                let name = string(&arg(0))?;
                self.set_attribute(*id, &name.to_ascii_lowercase(), None)?;
                Ok(Value::Undefined)
            }
            (Value::Node(id), "getAttribute") => {
                let name = string(&arg(0))?;
                Ok(self
                    .attr(*id, &name.to_ascii_lowercase())
                    .map_or(Value::Null, |v| Value::Str(v.into())))
            }
            (Value::ClassList(id), "add" | "remove" | "toggle") => {
                self.mutating()?;
                let class = string(&arg(0))?;
                if class.is_empty() || class.contains(char::is_whitespace) || args.len() != 1 {
                    return Err(Unsupported);
                }
                let mut classes: Vec<String> = self
                    .attr(*id, "class")
                    .unwrap_or_default()
                    .split_ascii_whitespace()
                    .map(str::to_string)
                    .collect();
                let had = classes.iter().any(|c| **c == *class);
                let add = match method {
                    "add" => true,
                    "remove" => false,
                    _ => !had,
                };
                classes.retain(|c| **c != *class);
                if add {
                    classes.push(class.to_string());
                }
                self.set_attribute(*id, "class", Some(&classes.join(" ")))?;
                Ok(Value::Bool(add))
            }
            (Value::Object(_), _) => {
                let f = self.get(object, method)?;
                self.call(&f, args)
            }
            _ => Err(Unsupported),
        }
    }

    fn mutating(&self) -> Result<(), Unsupported> {
        self.probe.is_none().then_some(()).ok_or(Unsupported)
    }

    fn document_id(&self) -> NodeId {
        self.html.tree.root().id()
    }

    fn element(&self, id: NodeId) -> Option<&Element> {
        self.html.tree.get(id)?.value().as_element()
    }

    fn is_element(&self, id: NodeId, name: &str) -> bool {
        self.element(id)
            .is_some_and(|e| e.name.ns == ns!(html) && &*e.name.local == name)
    }

    fn is_fragment(&self, id: NodeId) -> bool {
        self.html
            .tree
            .get(id)
            .is_some_and(|n| n.value().is_fragment())
    }

    fn attr(&self, id: NodeId, name: &str) -> Option<String> {
        self.element(id)?
            .attrs()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    }

    /// The first element under `root` (in tree order, not entering template contents or other
    /// shadow trees) that `matches`; only what the parser has reached, for a classic script.
    fn find(&self, root: NodeId, matches: impl Fn(&Element) -> bool) -> Option<NodeId> {
        let root = self.html.tree.get(root)?;
        let mut stack: Vec<NodeRef> = root.children().rev().collect();
        while let Some(node) = stack.pop() {
            if Some(node.id()) == self.parsed_up_to {
                return None;
            }
            match node.value() {
                Node::Element(e) => {
                    if matches(e) {
                        return Some(node.id());
                    }
                    stack.extend(node.children().rev());
                }
                Node::Fragment => {} // template contents
                _ => {}
            }
        }
        None
    }

    fn element_by_id(&self, root: NodeId, id: &str) -> Option<NodeId> {
        if id.is_empty() {
            return None;
        }
        self.find(root, |e| e.id() == Some(id))
    }

    fn query_selector(&self, root: NodeId, selector: &str) -> Result<Value, Unsupported> {
        let selector = Selector::parse(selector).ok_or(Unsupported)?;
        let tree = &self.html.tree;
        let start = tree.get(root).ok_or(Unsupported)?;
        let mut stack: Vec<NodeRef> = start.children().rev().collect();
        while let Some(node) = stack.pop() {
            if Some(node.id()) == self.parsed_up_to {
                break;
            }
            if let Some(element) = ElementRef::wrap(node) {
                if selector.matches(&element) {
                    return Ok(Value::Node(node.id()));
                }
                stack.extend(node.children().rev());
            }
        }
        Ok(Value::Null)
    }

    fn clear_children(&mut self, id: NodeId) -> Result<(), Unsupported> {
        let children: Vec<NodeId> = self
            .html
            .tree
            .get(id)
            .ok_or(Unsupported)?
            .children()
            .map(|c| c.id())
            .collect();
        for c in children {
            if let Some(mut child) = self.html.tree.get_mut(c) {
                child.detach();
            }
        }
        Ok(())
    }

    fn set_inner_html(&mut self, id: NodeId, markup: &str) -> Result<(), Unsupported> {
        let lower = markup.to_ascii_lowercase();
        // Styles scoped to a shadow tree and scripts inserted as markup are not modelled.
        if ["<style", "<link", "<script", "<template"]
            .iter()
            .any(|t| lower.contains(t))
        {
            return Err(Unsupported);
        }
        if self.is_element(id, "template") || self.element(id).is_none() && !self.is_fragment(id) {
            return Err(Unsupported);
        }
        let fragment = Html::parse_fragment(markup);
        self.clear_children(id)?;
        // parse_fragment puts the nodes under an `<html>` element of its own.
        let source_root = fragment
            .tree
            .root()
            .children()
            .find(|c| c.value().is_element())
            .ok_or(Unsupported)?;
        let mut pending: Vec<(NodeRef, NodeId)> =
            source_root.children().rev().map(|c| (c, id)).collect();
        while let Some((node, parent)) = pending.pop() {
            let value = match node.value() {
                Node::Element(e) => {
                    // Its line is in the script's string, not in the page.
                    let mut e = e.clone();
                    e.line = 0;
                    Node::Element(e)
                }
                v @ Node::Text(_) => v.clone(),
                _ => continue,
            };
            self.created_elements += usize::from(value.is_element());
            let copied = self
                .html
                .tree
                .get_mut(parent)
                .ok_or(Unsupported)?
                .append(value)
                .id();
            pending.extend(node.children().rev().map(|c| (c, copied)));
        }
        Ok(())
    }

    fn append_child(&mut self, parent: NodeId, child: NodeId) -> Result<(), Unsupported> {
        if self.element(parent).is_none() && !self.is_fragment(parent) {
            return Err(Unsupported);
        }
        // A node cannot go inside itself, nor inside a shadow tree it hosts (the DOM's
        // host-including ancestors: from a shadow root, the walk goes on at its host).
        let mut at = Some(parent);
        while let Some(id) = at {
            if id == child {
                return Err(Unsupported); // the browser throws a HierarchyRequestError
            }
            let node = self.html.tree.get(id).ok_or(Unsupported)?;
            at = match node.parent() {
                Some(p) => Some(p.id()),
                None => self
                    .shadow_roots
                    .iter()
                    .find(|(_, root)| *root == id)
                    .map(|&(host, _)| host),
            };
        }
        let moved: Vec<NodeId> = if self.is_fragment(child) {
            // A fragment's children move; the fragment stays, empty.
            let node = self.html.tree.get(child).ok_or(Unsupported)?;
            node.children().map(|c| c.id()).collect()
        } else {
            vec![child]
        };
        for c in moved {
            if self
                .html
                .tree
                .get(c)
                .is_some_and(|n| n.value().is_fragment())
            {
                return Err(Unsupported);
            }
            self.html
                .tree
                .get_mut(parent)
                .ok_or(Unsupported)?
                .append_id(c);
        }
        Ok(())
    }

    fn set_attribute(
        &mut self,
        id: NodeId,
        name: &str,
        value: Option<&str>,
    ) -> Result<(), Unsupported> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(Unsupported);
        }
        let element = self.element(id).ok_or(Unsupported)?;
        let mut attrs: Vec<Attribute> = element
            .attrs
            .iter()
            .filter(|a| &*a.name.local != name || a.name.ns != ns!())
            .cloned()
            .collect();
        if let Some(value) = value {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(name)),
                value: value.into(),
            });
        }
        let mut rebuilt = Element::new(element.name.clone(), attrs);
        // Still the element the page wrote: its start tag keeps its line.
        rebuilt.line = element.line;
        *self.html.tree.get_mut(id).ok_or(Unsupported)?.value() = Node::Element(rebuilt);
        self.attributes_set.push(id);
        Ok(())
    }
}

fn string(value: &Value) -> Result<Rc<str>, Unsupported> {
    match value {
        Value::Str(s) => Ok(Rc::clone(s)),
        Value::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => Ok(format!("{n}").as_str().into()),
        _ => Err(Unsupported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{lex::tokenize, parse::parse_program};

    #[test]
    fn closures_and_objects_do_not_outlive_the_run() {
        let mut html = Html::parse_document(r#"<p id="p"></p>"#);
        let weak = {
            let mut dom = Dom::new(&mut html);
            let scope = dom.global_scope();
            let source = "function f() { function g() { return 1 } return g() }\n\
                          f()\nconst o = { a: 1 }\no.me = o\nconst h = () => f";
            let program = parse_program(&tokenize(source).unwrap()).unwrap();
            dom.run(&program, &scope).unwrap();
            Rc::downgrade(&scope)
        };
        // The global scope holds functions that close over it: a cycle the run breaks.
        assert!(weak.upgrade().is_none());
    }
}
