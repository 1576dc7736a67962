//! The per-page audit context: what rules share about one page while it is audited.
//!
//! A rule's [`applicability`](super::Rule::applicability) and
//! [`expectation`](super::Rule::expectation) both get the page's [`Context`]. Facts that take
//! a walk over the page to work out (which access keys are shared, which frames share a
//! title, the page's focus and zoom style rules, its tables' layouts, the contrast rules'
//! targets) are [`Fact`]s: computed on first use, once per page, and dropped with the page.
//! Rules never keep page state of their own, so their verdicts do not depend on the order they
//! are called in, nor on which page a thread audited last.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

use crate::model::Document;

/// A fact about a whole page, worked out from its document model on first use.
pub trait Fact: Any {
    /// Works the fact out.
    fn compute(doc: &Document) -> Self
    where
        Self: Sized;
}

/// One page being audited: its document model and the facts computed about it so far.
///
/// ```
/// use frontdesk_core::rules::{Context, Fact};
/// use frontdesk_core::model::Document;
///
/// struct ImageCount(usize);
/// impl Fact for ImageCount {
///     fn compute(doc: &Document) -> Self {
///         ImageCount(doc.elements().filter(|e| e.name() == "img").count())
///     }
/// }
///
/// let doc = frontdesk_core::parse_document("<img src=a.png><img src=b.png>");
/// let cx = Context::new(&doc);
/// assert_eq!(cx.fact::<ImageCount>().0, 2);
/// // The second ask is answered from the first.
/// assert!(std::rc::Rc::ptr_eq(&cx.fact::<ImageCount>(), &cx.fact::<ImageCount>()));
/// ```
pub struct Context<'d> {
    /// The page's document model.
    pub doc: &'d Document,
    /// Facts computed so far, by type. A page asks for a handful, so a list beats a map.
    facts: RefCell<Vec<(TypeId, Rc<dyn Any>)>>,
}

impl<'d> Context<'d> {
    /// The context of one page, with no fact computed yet.
    pub fn new(doc: &'d Document) -> Self {
        Context {
            doc,
            facts: RefCell::new(Vec::new()),
        }
    }

    /// The fact `F` about this page, computed on the first ask.
    pub fn fact<F: Fact>(&self) -> Rc<F> {
        let id = TypeId::of::<F>();
        let known = self
            .facts
            .borrow()
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, fact)| fact.clone());
        let fact = known.unwrap_or_else(|| {
            // Computed outside the borrow: a fact may be built from other facts' rules.
            let fact: Rc<dyn Any> = Rc::new(F::compute(self.doc));
            self.facts.borrow_mut().push((id, fact.clone()));
            fact
        });
        fact.downcast::<F>()
            .unwrap_or_else(|_| unreachable!("facts are stored under their own type id"))
    }
}

impl std::fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("doc", self.doc)
            .field("facts", &self.facts.borrow().len())
            .finish()
    }
}
