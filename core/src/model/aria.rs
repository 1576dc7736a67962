//! WAI-ARIA data tables: every role (abstract and concrete) and every `aria-*` state and property
//! of WAI-ARIA 1.2 (W3C Recommendation, 6 June 2023), the `doc-*` roles of Digital Publishing
//! WAI-ARIA (DPUB-ARIA 1.0, updated to the 1.1 Recommendation: `doc-pageheader` and
//! `doc-pagefooter` added, `doc-biblioentry` and `doc-endnote` deprecated, `doc-example` a kind of
//! `figure`, `doc-pullquote` a kind of `section`) and the three roles of the WAI-ARIA Graphics
//! Module 1.0 (Graphics-ARIA), plus the few WAI-ARIA 1.3 draft additions that browsers and the
//! ACT rules already treat as defined (roles `comment`, `image`, `mark`, `suggestion`; attributes
//! `aria-description`, `aria-braillelabel`, `aria-brailleroledescription`, `aria-colindextext`,
//! `aria-rowindextext`; see [`ARIA_1_3_ROLES`] and [`ARIA_1_3_ATTRIBUTES`]). The tables were
//! transcribed by hand from the role and attribute definitions of those specifications (they
//! are not generated from, or copied out of, another implementation) and are checked for internal
//! consistency by the unit tests at the end of this file. Everything is `'static` data looked up
//! by binary search over sorted slices: no allocation, no I/O, no global state, so the module
//! builds unchanged for `wasm32`. Lookups are exact and case-sensitive: callers lowercase role
//! and attribute names first (HTML attribute names are already lowercase after parsing; `role`
//! tokens are compared ASCII case-insensitively by browsers, so lowercase them before asking).

/// Value type of an ARIA state or property (WAI-ARIA 1.2 §6.6 / 8.x).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// `true` or `false`.
    TrueFalse,
    /// `true`, `false` or `undefined`.
    TrueFalseUndefined,
    /// `true`, `false`, `mixed` or `undefined`.
    Tristate,
    /// The `id` of one element.
    IdRef,
    /// A whitespace-separated list of element `id`s.
    IdRefList,
    /// An integer (optional sign, decimal digits).
    Integer,
    /// A decimal number, possibly with a fraction and an exponent.
    Number,
    /// Free text.
    String,
    /// Exactly one of the listed tokens (compared ASCII case-insensitively).
    Token(&'static [&'static str]),
    /// A whitespace-separated list of the listed tokens (compared ASCII case-insensitively).
    TokenList(&'static [&'static str]),
}

/// One ARIA state or property.
#[derive(Debug)]
pub struct AttributeInfo {
    /// Attribute name, e.g. `"aria-checked"`.
    pub name: &'static str,
    /// Type of the attribute's value.
    pub value_type: ValueType,
    /// A global state or property: it applies to every role (ARIA 1.2 §6.4). `aria-disabled`,
    /// `aria-errormessage`, `aria-haspopup` and `aria-invalid` are still global in ARIA 1.2
    /// (their use as globals is deprecated on roles that do not list them, which this table
    /// does not model), and the ARIA 1.3 draft globals `aria-description`, `aria-braillelabel`
    /// and `aria-brailleroledescription` are global too.
    pub global: bool,
    /// Deprecated in ARIA 1.2 altogether (`aria-dropeffect`, `aria-grabbed`).
    pub deprecated: bool,
    /// A state (changes with user interaction, e.g. `aria-checked`) rather than a property
    /// (e.g. `aria-label`).
    pub is_state: bool,
}

/// Where a role's accessible name may come from (ARIA 1.2 §5.2.8, "Name From").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameFrom {
    /// From the element's content as well as from the author ("contents, author").
    Contents,
    /// From the author only (`aria-label`, `aria-labelledby`, host-language labels).
    Author,
    /// Naming is prohibited; `aria-label` and `aria-labelledby` are prohibited attributes.
    Prohibited,
}

/// One role with its characteristics (the role definition tables of the specifications).
#[derive(Debug)]
pub struct RoleInfo {
    /// Role name, lowercase, as written in a `role` attribute.
    pub name: &'static str,
    /// An abstract role (`widget`, `landmark`, ...): it must not be used in content.
    pub is_abstract: bool,
    /// Direct superclass roles; empty only for `roletype`.
    pub superclasses: &'static [&'static str],
    /// Required states and properties. `separator` requires `aria-valuenow` only when it is
    /// focusable; that case is not listed here (see [`required_attributes_if_focusable`]).
    /// ARIA 1.2 requires nothing on `option` (`aria-selected` has a default) and nothing on
    /// `spinbutton` (`aria-valuenow` became optional there).
    pub required_attributes: &'static [&'static str],
    /// Every state and property the role supports other than the global ones: its own, those
    /// inherited from its superclasses, and the required ones. Global attributes are left out,
    /// except a global attribute that the role requires (`aria-controls` on `combobox` and
    /// `scrollbar`).
    pub supported_attributes: &'static [&'static str],
    /// Prohibited states and properties (`aria-label` and `aria-labelledby` on the roles whose
    /// name is prohibited).
    pub prohibited_attributes: &'static [&'static str],
    /// Where the accessible name may come from. Abstract roles for which the specification gives
    /// no value are marked [`NameFrom::Author`].
    pub name_from: NameFrom,
    /// The role's descendants are presentational ("Children Presentational: True").
    pub children_presentational: bool,
    /// Required context roles: an element with this role must be owned by an element with one
    /// of these roles. A subclass of a listed role does not count unless it is listed itself.
    pub required_context: &'static [&'static str],
    /// Required owned elements: an element with this role must own at least one element with
    /// one of these roles. `"group>option"` stands for an `option` owned through a `group`
    /// (the ACT rule bc4a75 also accepts groups nested in that `group`).
    pub required_owned: &'static [&'static str],
    /// Default values the role gives to states and properties ("Implicit Value for Role"), as
    /// `(attribute, value)` pairs. ARIA 1.2 dropped the `aria-checked` defaults of `checkbox`,
    /// `radio` and `switch` (they require the attribute instead), so none are listed for them.
    pub implicit_values: &'static [(&'static str, &'static str)],
}

/// Roles taken from the WAI-ARIA 1.3 draft rather than 1.2 (`image` is a synonym of `img`).
pub const ARIA_1_3_ROLES: &[&str] = &["comment", "image", "mark", "suggestion"];

/// Attributes taken from the WAI-ARIA 1.3 draft rather than 1.2.
pub const ARIA_1_3_ATTRIBUTES: &[&str] = &[
    "aria-braillelabel",
    "aria-brailleroledescription",
    "aria-colindextext",
    "aria-description",
    "aria-rowindextext",
];

/// Deprecated concrete roles: `directory` (ARIA 1.2), `doc-biblioentry` and `doc-endnote`
/// (DPUB-ARIA 1.1). They are still valid role values.
pub const DEPRECATED_ROLES: &[&str] = &["directory", "doc-biblioentry", "doc-endnote"];

/// Looks a role up by its lowercase name; finds abstract roles too.
#[must_use]
pub fn role(name: &str) -> Option<&'static RoleInfo> {
    role_index(name).map(|i| &ROLES[i])
}

/// A role's position in the role table: the document model stores roles as these.
pub(crate) type RoleId = u8;

const _: () = assert!(
    ROLES.len() < RoleId::MAX as usize,
    "role ids must fit a RoleId"
);

/// The role table's id for a role name (abstract roles included).
pub(crate) fn role_id(name: &str) -> Option<RoleId> {
    role_index(name).map(|i| i as RoleId)
}

/// The role with this id (from [`role_id`]).
pub(crate) fn role_by_id(id: RoleId) -> &'static RoleInfo {
    &ROLES[id as usize]
}

/// Number of roles in the table: ids are below it.
pub(crate) const ROLE_COUNT: usize = ROLES.len();

/// [`role_is_a`] for a role id.
pub(crate) fn role_id_is_a(role: RoleId, ancestor: &str) -> bool {
    let Some(a) = role_index(ancestor) else {
        return false;
    };
    ancestor_sets()[role as usize][a / 64] >> (a % 64) & 1 == 1
}

/// Index in `ROLES`. Rules and the model look roles up for most elements: a hash lookup
/// costs a tenth of a binary search over string comparisons.
fn role_index(name: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| NameIndex::new(ROLES.iter().map(|r| r.name)))
        .get(name)
}

/// A name → table index map for the fixed role and attribute tables: open addressing over
/// a power-of-two array, hashed on the length and three bytes (names are short and differ
/// there), one string comparison per probe. Cheaper than hashing every byte; the keys are
/// ours, and a page's names only ever cost a short probe.
struct NameIndex {
    /// (name, index in the table); `None` marks an empty slot.
    slots: Box<[Option<(&'static str, u16)>]>,
}

impl NameIndex {
    fn new(names: impl Iterator<Item = &'static str>) -> Self {
        let names: Vec<&'static str> = names.collect();
        // At most a quarter full, so probes stay short.
        let size = (names.len() * 4).next_power_of_two();
        let mut slots = vec![None; size].into_boxed_slice();
        for (i, name) in names.into_iter().enumerate() {
            let mut at = Self::hash(name) & (size - 1);
            while slots[at].is_some() {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Some((name, i as u16));
        }
        NameIndex { slots }
    }

    fn hash(name: &str) -> usize {
        let b = name.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        let mixed = (b.len() as u32)
            ^ (u32::from(first) << 8)
            ^ (u32::from(b[b.len() / 2]) << 16)
            ^ (u32::from(last) << 24);
        (mixed.wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    fn get(&self, name: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = Self::hash(name) & mask;
        loop {
            match self.slots[at] {
                Some((stored, i)) if stored == name => return Some(i as usize),
                Some(_) => at = (at + 1) & mask,
                None => return None,
            }
        }
    }
}

/// All roles, sorted by name.
#[must_use]
pub fn roles() -> &'static [RoleInfo] {
    ROLES
}

/// True for a non-abstract role of ARIA 1.2, DPUB-ARIA or Graphics-ARIA (or one of the
/// [`ARIA_1_3_ROLES`]). The comparison is exact: callers lowercase the token first.
#[must_use]
pub fn is_valid_concrete_role(name: &str) -> bool {
    role(name).is_some_and(|r| !r.is_abstract)
}

/// Looks an `aria-*` state or property up by its lowercase name. Covers every attribute of
/// ARIA 1.2, including the deprecated `aria-dropeffect` and `aria-grabbed`, and the
/// [`ARIA_1_3_ATTRIBUTES`].
#[must_use]
pub fn attribute(name: &str) -> Option<&'static AttributeInfo> {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| NameIndex::new(ATTRIBUTES.iter().map(|a| a.name)))
        .get(name)
        .map(|i| &ATTRIBUTES[i])
}

/// All states and properties, sorted by name.
#[must_use]
pub fn attributes() -> &'static [AttributeInfo] {
    ATTRIBUTES
}

/// True if `name` is a defined global state or property.
#[must_use]
pub fn is_global_attribute(name: &str) -> bool {
    attribute(name).is_some_and(|a| a.global)
}

/// True if `role` prohibits `attr` (e.g. `aria-label` on `generic`).
#[must_use]
pub fn role_prohibits_attribute(role_name: &str, attr: &str) -> bool {
    role(role_name).is_some_and(|r| r.prohibited_attributes.contains(&attr))
}

/// True if `attr` is a defined state or property that may be used on an element with role
/// `role`: it is global or in the role's `supported_attributes` (inherited ones included), and
/// the role does not prohibit it. For a role name that is not defined only global attributes
/// are accepted.
#[must_use]
pub fn role_supports_attribute(role_name: &str, attr: &str) -> bool {
    let Some(info) = attribute(attr) else {
        return false;
    };
    match role(role_name) {
        Some(r) => {
            !r.prohibited_attributes.contains(&attr)
                && (info.global || r.supported_attributes.contains(&attr))
        }
        None => info.global,
    }
}

/// States and properties that `role` requires only when its element is focusable: ARIA 1.2
/// requires `aria-valuenow` on a focusable `separator` (and so on its subclass
/// `doc-pagebreak`). Empty for every other role.
#[must_use]
pub fn required_attributes_if_focusable(role_name: &str) -> &'static [&'static str] {
    if role_is_a(role_name, "separator") {
        &["aria-valuenow"]
    } else {
        &[]
    }
}

/// True if `value` is a valid value for `attr` according to its [`ValueType`]; false if `attr`
/// is not a defined state or property. Leading and trailing ASCII whitespace is ignored, and
/// an empty (or all-whitespace) value is always valid: ARIA treats an empty value like an
/// absent attribute (its default applies), and ACT rule 6a7281 excludes empty values from
/// what it checks (`<div role="alert" aria-live>` is inapplicable there). `true`/`false`/
/// `mixed`/`undefined` and tokens are compared ASCII case-insensitively; a token list needs
/// every whitespace-separated token to be allowed. ID references and strings accept any value:
/// whether referenced ids exist is for the caller to check.
#[must_use]
pub fn is_value_valid(attr: &str, value: &str) -> bool {
    let Some(info) = attribute(attr) else {
        return false;
    };
    let v = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if v.is_empty() {
        return true;
    }
    match info.value_type {
        ValueType::TrueFalse => is_one_of(v, &["false", "true"]),
        ValueType::TrueFalseUndefined => is_one_of(v, &["false", "true", "undefined"]),
        ValueType::Tristate => is_one_of(v, &["false", "mixed", "true", "undefined"]),
        ValueType::Integer => is_integer(v),
        ValueType::Number => is_number(v),
        ValueType::Token(tokens) => is_one_of(v, tokens),
        ValueType::TokenList(tokens) => v.split_ascii_whitespace().all(|t| is_one_of(t, tokens)),
        ValueType::IdRef | ValueType::IdRefList | ValueType::String => true,
    }
}

/// True if `role` is `ancestor` or `ancestor` is one of its superclasses, directly or through
/// other superclasses (`role_is_a("switch", "input")`, `role_is_a("doc-toc", "landmark")`).
#[must_use]
pub fn role_is_a(role_name: &str, ancestor: &str) -> bool {
    if role_name == ancestor {
        return true;
    }
    // Rules ask this for every element: answer from a precomputed ancestor bit set instead
    // of walking the superclass names each time.
    let (Some(r), Some(a)) = (role_index(role_name), role_index(ancestor)) else {
        return false;
    };
    ancestor_sets()[r][a / 64] >> (a % 64) & 1 == 1
}

/// For each role (by index in `ROLES`), the set of roles it is, itself included.
fn ancestor_sets() -> &'static [Vec<u64>] {
    static SETS: std::sync::OnceLock<Vec<Vec<u64>>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let words = ROLES.len().div_ceil(64);
        // Each role's set is itself plus its superclasses' sets, memoised (the taxonomy is
        // a DAG a few levels deep; `visiting` guards against a cycle in the tables).
        fn fill(i: usize, sets: &mut [Option<Vec<u64>>], visiting: &mut [bool], words: usize) {
            if sets[i].is_some() || visiting[i] {
                return;
            }
            visiting[i] = true;
            let mut set = vec![0u64; words];
            set[i / 64] |= 1 << (i % 64);
            for superclass in ROLES[i].superclasses {
                if let Some(s) = role_index(superclass) {
                    fill(s, sets, visiting, words);
                    if let Some(inherited) = &sets[s] {
                        for (w, bits) in set.iter_mut().zip(inherited) {
                            *w |= bits;
                        }
                    }
                }
            }
            sets[i] = Some(set);
        }
        let mut sets = vec![None; ROLES.len()];
        let mut visiting = vec![false; ROLES.len()];
        for i in 0..ROLES.len() {
            fill(i, &mut sets, &mut visiting, words);
        }
        sets.into_iter().map(Option::unwrap_or_default).collect()
    })
}

/// True for the concrete roles that make their element a widget (an interactive element): the
/// subclasses of `widget`, including the composite widgets (`grid`, `listbox`, `menu`,
/// `tablist`, `tree`, ...) and the DPUB-ARIA links (`doc-noteref`, ...). Left out are the roles
/// that are widgets only in some contexts (see [`is_context_dependent_widget_role`]): use
/// [`role_is_a`]`(role, "widget")` for the bare taxonomy answer.
#[must_use]
pub fn is_widget_role(role_name: &str) -> bool {
    is_valid_concrete_role(role_name)
        && !is_context_dependent_widget_role(role_name)
        && role_is_a(role_name, "widget")
}

/// True for the roles that descend from `widget` but are interactive only in some contexts:
/// `separator` (and `doc-pagebreak`) only when focusable, and the table parts `row`,
/// `columnheader` and `rowheader`, which are widgets inside a `grid` or `treegrid` but static
/// structure inside a `table`.
#[must_use]
pub fn is_context_dependent_widget_role(role_name: &str) -> bool {
    matches!(role_name, "row" | "columnheader" | "rowheader") || role_is_a(role_name, "separator")
}

fn is_one_of(value: &str, allowed: &[&str]) -> bool {
    allowed.iter().any(|t| t.eq_ignore_ascii_case(value))
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn strip_sign(s: &str) -> &str {
    s.strip_prefix(['+', '-']).unwrap_or(s)
}

fn is_integer(value: &str) -> bool {
    let digits = strip_sign(value);
    !digits.is_empty() && all_digits(digits)
}

fn is_number(value: &str) -> bool {
    let unsigned = strip_sign(value);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let mantissa_ok = all_digits(int_part)
        && all_digits(frac_part)
        && !(int_part.is_empty() && frac_part.is_empty());
    let exponent_ok = match exponent {
        Some(e) => is_integer(e),
        None => true,
    };
    mantissa_ok && exponent_ok
}

/// Every state and property, sorted by name.
static ATTRIBUTES: &[AttributeInfo] = &[
    AttributeInfo {
        name: "aria-activedescendant",
        value_type: ValueType::IdRef,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-atomic",
        value_type: ValueType::TrueFalse,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-autocomplete",
        value_type: ValueType::Token(&["both", "inline", "list", "none"]),
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-braillelabel",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-brailleroledescription",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-busy",
        value_type: ValueType::TrueFalse,
        global: true,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-checked",
        value_type: ValueType::Tristate,
        global: false,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-colcount",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-colindex",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-colindextext",
        value_type: ValueType::String,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-colspan",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-controls",
        value_type: ValueType::IdRefList,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-current",
        value_type: ValueType::Token(&[
            "date", "false", "location", "page", "step", "time", "true",
        ]),
        global: true,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-describedby",
        value_type: ValueType::IdRefList,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-description",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-details",
        value_type: ValueType::IdRef,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-disabled",
        value_type: ValueType::TrueFalse,
        global: true,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-dropeffect",
        value_type: ValueType::TokenList(&["copy", "execute", "link", "move", "none", "popup"]),
        global: true,
        deprecated: true,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-errormessage",
        value_type: ValueType::IdRef,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-expanded",
        value_type: ValueType::TrueFalseUndefined,
        global: false,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-flowto",
        value_type: ValueType::IdRefList,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-grabbed",
        value_type: ValueType::TrueFalseUndefined,
        global: true,
        deprecated: true,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-haspopup",
        value_type: ValueType::Token(&[
            "dialog", "false", "grid", "listbox", "menu", "tree", "true",
        ]),
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-hidden",
        value_type: ValueType::TrueFalseUndefined,
        global: true,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-invalid",
        value_type: ValueType::Token(&["false", "grammar", "spelling", "true"]),
        global: true,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-keyshortcuts",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-label",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-labelledby",
        value_type: ValueType::IdRefList,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-level",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-live",
        value_type: ValueType::Token(&["assertive", "off", "polite"]),
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-modal",
        value_type: ValueType::TrueFalse,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-multiline",
        value_type: ValueType::TrueFalse,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-multiselectable",
        value_type: ValueType::TrueFalse,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-orientation",
        value_type: ValueType::Token(&["horizontal", "undefined", "vertical"]),
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-owns",
        value_type: ValueType::IdRefList,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-placeholder",
        value_type: ValueType::String,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-posinset",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-pressed",
        value_type: ValueType::Tristate,
        global: false,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-readonly",
        value_type: ValueType::TrueFalse,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-relevant",
        value_type: ValueType::TokenList(&["additions", "all", "removals", "text"]),
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-required",
        value_type: ValueType::TrueFalse,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-roledescription",
        value_type: ValueType::String,
        global: true,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-rowcount",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-rowindex",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-rowindextext",
        value_type: ValueType::String,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-rowspan",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-selected",
        value_type: ValueType::TrueFalseUndefined,
        global: false,
        deprecated: false,
        is_state: true,
    },
    AttributeInfo {
        name: "aria-setsize",
        value_type: ValueType::Integer,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-sort",
        value_type: ValueType::Token(&["ascending", "descending", "none", "other"]),
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-valuemax",
        value_type: ValueType::Number,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-valuemin",
        value_type: ValueType::Number,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-valuenow",
        value_type: ValueType::Number,
        global: false,
        deprecated: false,
        is_state: false,
    },
    AttributeInfo {
        name: "aria-valuetext",
        value_type: ValueType::String,
        global: false,
        deprecated: false,
        is_state: false,
    },
];

/// Every role, sorted by name. `supported_attributes` already includes what a role inherits.
static ROLES: &[RoleInfo] = &[
    RoleInfo {
        name: "alert",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-atomic", "true"), ("aria-live", "assertive")],
    },
    RoleInfo {
        name: "alertdialog",
        is_abstract: false,
        superclasses: &["alert", "dialog"],
        required_attributes: &[],
        supported_attributes: &["aria-modal"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "application",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant", "aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "article",
        is_abstract: false,
        superclasses: &["document"],
        required_attributes: &[],
        supported_attributes: &["aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "banner",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "blockquote",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "button",
        is_abstract: false,
        superclasses: &["command"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded", "aria-pressed"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "caption",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &["figure", "grid", "table", "treegrid"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "cell",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-colindex",
            "aria-colindextext",
            "aria-colspan",
            "aria-rowindex",
            "aria-rowindextext",
            "aria-rowspan",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["row"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "checkbox",
        is_abstract: false,
        superclasses: &["input"],
        required_attributes: &["aria-checked"],
        supported_attributes: &[
            "aria-checked",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "code",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "columnheader",
        is_abstract: false,
        superclasses: &["cell", "gridcell", "sectionhead"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-colindex",
            "aria-colindextext",
            "aria-colspan",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
            "aria-rowindex",
            "aria-rowindextext",
            "aria-rowspan",
            "aria-selected",
            "aria-sort",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["row"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "combobox",
        is_abstract: false,
        superclasses: &["input"],
        required_attributes: &["aria-controls", "aria-expanded"],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-controls",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-expanded", "false"), ("aria-haspopup", "listbox")],
    },
    RoleInfo {
        name: "command",
        is_abstract: true,
        superclasses: &["widget"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // comment: WAI-ARIA 1.3 draft
    RoleInfo {
        name: "comment",
        is_abstract: false,
        superclasses: &["article"],
        required_attributes: &[],
        supported_attributes: &["aria-level", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "complementary",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "composite",
        is_abstract: true,
        superclasses: &["widget"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "contentinfo",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "definition",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "deletion",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "dialog",
        is_abstract: false,
        superclasses: &["window"],
        required_attributes: &[],
        supported_attributes: &["aria-modal"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // directory: deprecated
    RoleInfo {
        name: "directory",
        is_abstract: false,
        superclasses: &["list"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-abstract: DPUB-ARIA
    RoleInfo {
        name: "doc-abstract",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-acknowledgments: DPUB-ARIA
    RoleInfo {
        name: "doc-acknowledgments",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-afterword: DPUB-ARIA
    RoleInfo {
        name: "doc-afterword",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-appendix: DPUB-ARIA
    RoleInfo {
        name: "doc-appendix",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-backlink: DPUB-ARIA
    RoleInfo {
        name: "doc-backlink",
        is_abstract: false,
        superclasses: &["link"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-biblioentry: deprecated, DPUB-ARIA
    RoleInfo {
        name: "doc-biblioentry",
        is_abstract: false,
        superclasses: &["listitem"],
        required_attributes: &[],
        supported_attributes: &["aria-level", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-bibliography: DPUB-ARIA
    RoleInfo {
        name: "doc-bibliography",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-biblioref: DPUB-ARIA
    RoleInfo {
        name: "doc-biblioref",
        is_abstract: false,
        superclasses: &["link"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-chapter: DPUB-ARIA
    RoleInfo {
        name: "doc-chapter",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-colophon: DPUB-ARIA
    RoleInfo {
        name: "doc-colophon",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-conclusion: DPUB-ARIA
    RoleInfo {
        name: "doc-conclusion",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-cover: DPUB-ARIA
    RoleInfo {
        name: "doc-cover",
        is_abstract: false,
        superclasses: &["img"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-credit: DPUB-ARIA
    RoleInfo {
        name: "doc-credit",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-credits: DPUB-ARIA
    RoleInfo {
        name: "doc-credits",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-dedication: DPUB-ARIA
    RoleInfo {
        name: "doc-dedication",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-endnote: deprecated, DPUB-ARIA
    RoleInfo {
        name: "doc-endnote",
        is_abstract: false,
        superclasses: &["listitem"],
        required_attributes: &[],
        supported_attributes: &["aria-level", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-endnotes: DPUB-ARIA
    RoleInfo {
        name: "doc-endnotes",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-epigraph: DPUB-ARIA
    RoleInfo {
        name: "doc-epigraph",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-epilogue: DPUB-ARIA
    RoleInfo {
        name: "doc-epilogue",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-errata: DPUB-ARIA
    RoleInfo {
        name: "doc-errata",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-example: DPUB-ARIA
    RoleInfo {
        name: "doc-example",
        is_abstract: false,
        superclasses: &["figure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-footnote: DPUB-ARIA
    RoleInfo {
        name: "doc-footnote",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-foreword: DPUB-ARIA
    RoleInfo {
        name: "doc-foreword",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-glossary: DPUB-ARIA
    RoleInfo {
        name: "doc-glossary",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-glossref: DPUB-ARIA
    RoleInfo {
        name: "doc-glossref",
        is_abstract: false,
        superclasses: &["link"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-index: DPUB-ARIA
    RoleInfo {
        name: "doc-index",
        is_abstract: false,
        superclasses: &["navigation"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-introduction: DPUB-ARIA
    RoleInfo {
        name: "doc-introduction",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-noteref: DPUB-ARIA
    RoleInfo {
        name: "doc-noteref",
        is_abstract: false,
        superclasses: &["link"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-notice: DPUB-ARIA
    RoleInfo {
        name: "doc-notice",
        is_abstract: false,
        superclasses: &["note"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-pagebreak: DPUB-ARIA
    RoleInfo {
        name: "doc-pagebreak",
        is_abstract: false,
        superclasses: &["separator"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-pagefooter: DPUB-ARIA
    RoleInfo {
        name: "doc-pagefooter",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-pageheader: DPUB-ARIA
    RoleInfo {
        name: "doc-pageheader",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-pagelist: DPUB-ARIA
    RoleInfo {
        name: "doc-pagelist",
        is_abstract: false,
        superclasses: &["navigation"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-part: DPUB-ARIA
    RoleInfo {
        name: "doc-part",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-preface: DPUB-ARIA
    RoleInfo {
        name: "doc-preface",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-prologue: DPUB-ARIA
    RoleInfo {
        name: "doc-prologue",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-pullquote: DPUB-ARIA
    RoleInfo {
        name: "doc-pullquote",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-qna: DPUB-ARIA
    RoleInfo {
        name: "doc-qna",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-subtitle: DPUB-ARIA
    RoleInfo {
        name: "doc-subtitle",
        is_abstract: false,
        superclasses: &["sectionhead"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-tip: DPUB-ARIA
    RoleInfo {
        name: "doc-tip",
        is_abstract: false,
        superclasses: &["note"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // doc-toc: DPUB-ARIA
    RoleInfo {
        name: "doc-toc",
        is_abstract: false,
        superclasses: &["navigation"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "document",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "emphasis",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "feed",
        is_abstract: false,
        superclasses: &["list"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["article"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "figure",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "form",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "generic",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // graphics-document: Graphics-ARIA
    RoleInfo {
        name: "graphics-document",
        is_abstract: false,
        superclasses: &["document"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // graphics-object: Graphics-ARIA
    RoleInfo {
        name: "graphics-object",
        is_abstract: false,
        superclasses: &["group"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // graphics-symbol: Graphics-ARIA
    RoleInfo {
        name: "graphics-symbol",
        is_abstract: false,
        superclasses: &["img"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "grid",
        is_abstract: false,
        superclasses: &["composite", "table"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-colcount",
            "aria-multiselectable",
            "aria-readonly",
            "aria-rowcount",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["row", "rowgroup>row"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "gridcell",
        is_abstract: false,
        superclasses: &["cell", "widget"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-colindex",
            "aria-colindextext",
            "aria-colspan",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
            "aria-rowindex",
            "aria-rowindextext",
            "aria-rowspan",
            "aria-selected",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["row"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "group",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "heading",
        is_abstract: false,
        superclasses: &["sectionhead"],
        required_attributes: &["aria-level"],
        supported_attributes: &["aria-level"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-level", "2")],
    },
    // image: WAI-ARIA 1.3 draft
    RoleInfo {
        name: "image",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "img",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "input",
        is_abstract: true,
        superclasses: &["widget"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "insertion",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "landmark",
        is_abstract: true,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "link",
        is_abstract: false,
        superclasses: &["command"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "list",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["listitem"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "listbox",
        is_abstract: false,
        superclasses: &["select"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-expanded",
            "aria-multiselectable",
            "aria-orientation",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["group>option", "option"],
        implicit_values: &[("aria-orientation", "vertical")],
    },
    RoleInfo {
        name: "listitem",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &["aria-level", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &["directory", "list"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "log",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-live", "polite")],
    },
    RoleInfo {
        name: "main",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // mark: WAI-ARIA 1.3 draft
    RoleInfo {
        name: "mark",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "marquee",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-live", "off")],
    },
    RoleInfo {
        name: "math",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "menu",
        is_abstract: false,
        superclasses: &["select"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant", "aria-orientation"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[
            "group>menuitem",
            "group>menuitemcheckbox",
            "group>menuitemradio",
            "menuitem",
            "menuitemcheckbox",
            "menuitemradio",
        ],
        implicit_values: &[("aria-orientation", "vertical")],
    },
    RoleInfo {
        name: "menubar",
        is_abstract: false,
        superclasses: &["menu"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant", "aria-orientation"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[
            "group>menuitem",
            "group>menuitemcheckbox",
            "group>menuitemradio",
            "menuitem",
            "menuitemcheckbox",
            "menuitemradio",
        ],
        implicit_values: &[("aria-orientation", "horizontal")],
    },
    RoleInfo {
        name: "menuitem",
        is_abstract: false,
        superclasses: &["command"],
        required_attributes: &[],
        supported_attributes: &["aria-expanded", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["group", "menu", "menubar"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "menuitemcheckbox",
        is_abstract: false,
        superclasses: &["menuitem"],
        required_attributes: &["aria-checked"],
        supported_attributes: &[
            "aria-checked",
            "aria-expanded",
            "aria-posinset",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &["group", "menu", "menubar"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "menuitemradio",
        is_abstract: false,
        superclasses: &["menuitem"],
        required_attributes: &["aria-checked"],
        supported_attributes: &[
            "aria-checked",
            "aria-expanded",
            "aria-posinset",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &["group", "menu", "menubar"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "meter",
        is_abstract: false,
        superclasses: &["range"],
        required_attributes: &["aria-valuenow"],
        supported_attributes: &[
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-valuemax", "100"), ("aria-valuemin", "0")],
    },
    RoleInfo {
        name: "navigation",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "none",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "note",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "option",
        is_abstract: false,
        superclasses: &["input"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-checked",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &["group", "listbox"],
        required_owned: &[],
        implicit_values: &[("aria-selected", "false")],
    },
    RoleInfo {
        name: "paragraph",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "presentation",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "progressbar",
        is_abstract: false,
        superclasses: &["range", "widget"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-valuemax", "100"), ("aria-valuemin", "0")],
    },
    RoleInfo {
        name: "radio",
        is_abstract: false,
        superclasses: &["input"],
        required_attributes: &["aria-checked"],
        supported_attributes: &["aria-checked", "aria-posinset", "aria-setsize"],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "radiogroup",
        is_abstract: false,
        superclasses: &["select"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-orientation",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["radio"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "range",
        is_abstract: true,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "region",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "roletype",
        is_abstract: true,
        superclasses: &[],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "row",
        is_abstract: false,
        superclasses: &["group", "widget"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-colindex",
            "aria-colindextext",
            "aria-expanded",
            "aria-level",
            "aria-posinset",
            "aria-rowindex",
            "aria-rowindextext",
            "aria-selected",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["grid", "rowgroup", "table", "treegrid"],
        required_owned: &["cell", "columnheader", "gridcell", "rowheader"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "rowgroup",
        is_abstract: false,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &["grid", "table", "treegrid"],
        required_owned: &["row"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "rowheader",
        is_abstract: false,
        superclasses: &["cell", "gridcell", "sectionhead"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-colindex",
            "aria-colindextext",
            "aria-colspan",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
            "aria-rowindex",
            "aria-rowindextext",
            "aria-rowspan",
            "aria-selected",
            "aria-sort",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["row"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "scrollbar",
        is_abstract: false,
        superclasses: &["range", "widget"],
        required_attributes: &["aria-controls", "aria-valuenow"],
        supported_attributes: &[
            "aria-controls",
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[
            ("aria-orientation", "vertical"),
            ("aria-valuemax", "100"),
            ("aria-valuemin", "0"),
        ],
    },
    RoleInfo {
        name: "search",
        is_abstract: false,
        superclasses: &["landmark"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "searchbox",
        is_abstract: false,
        superclasses: &["textbox"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-multiline",
            "aria-placeholder",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "section",
        is_abstract: true,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "sectionhead",
        is_abstract: true,
        superclasses: &["structure"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "select",
        is_abstract: true,
        superclasses: &["composite", "group"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant", "aria-orientation"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "separator",
        is_abstract: false,
        superclasses: &["structure", "widget"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[
            ("aria-orientation", "horizontal"),
            ("aria-valuemax", "100"),
            ("aria-valuemin", "0"),
        ],
    },
    RoleInfo {
        name: "slider",
        is_abstract: false,
        superclasses: &["input", "range"],
        required_attributes: &["aria-valuenow"],
        supported_attributes: &[
            "aria-orientation",
            "aria-readonly",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[
            ("aria-orientation", "horizontal"),
            ("aria-valuemax", "100"),
            ("aria-valuemin", "0"),
        ],
    },
    RoleInfo {
        name: "spinbutton",
        is_abstract: false,
        superclasses: &["composite", "input", "range"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-readonly",
            "aria-required",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "status",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-atomic", "true"), ("aria-live", "polite")],
    },
    RoleInfo {
        name: "strong",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "structure",
        is_abstract: true,
        superclasses: &["roletype"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "subscript",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    // suggestion: WAI-ARIA 1.3 draft
    RoleInfo {
        name: "suggestion",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &["deletion", "insertion"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "superscript",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &["aria-label", "aria-labelledby"],
        name_from: NameFrom::Prohibited,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "switch",
        is_abstract: false,
        superclasses: &["checkbox"],
        required_attributes: &["aria-checked"],
        supported_attributes: &[
            "aria-checked",
            "aria-expanded",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "tab",
        is_abstract: false,
        superclasses: &["sectionhead", "widget"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-expanded",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: true,
        required_context: &["tablist"],
        required_owned: &[],
        implicit_values: &[("aria-selected", "false")],
    },
    RoleInfo {
        name: "table",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &["aria-colcount", "aria-rowcount"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["row", "rowgroup>row"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "tablist",
        is_abstract: false,
        superclasses: &["composite"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-multiselectable",
            "aria-orientation",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["tab"],
        implicit_values: &[("aria-orientation", "horizontal")],
    },
    RoleInfo {
        name: "tabpanel",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "term",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "textbox",
        is_abstract: false,
        superclasses: &["input"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-multiline",
            "aria-placeholder",
            "aria-readonly",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "time",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "timer",
        is_abstract: false,
        superclasses: &["status"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-live", "off")],
    },
    RoleInfo {
        name: "toolbar",
        is_abstract: false,
        superclasses: &["group"],
        required_attributes: &[],
        supported_attributes: &["aria-activedescendant", "aria-orientation"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[("aria-orientation", "horizontal")],
    },
    RoleInfo {
        name: "tooltip",
        is_abstract: false,
        superclasses: &["section"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "tree",
        is_abstract: false,
        superclasses: &["select"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-multiselectable",
            "aria-orientation",
            "aria-required",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["group>treeitem", "treeitem"],
        implicit_values: &[("aria-orientation", "vertical")],
    },
    RoleInfo {
        name: "treegrid",
        is_abstract: false,
        superclasses: &["grid", "tree"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-activedescendant",
            "aria-colcount",
            "aria-multiselectable",
            "aria-orientation",
            "aria-readonly",
            "aria-required",
            "aria-rowcount",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &["row", "rowgroup>row"],
        implicit_values: &[],
    },
    RoleInfo {
        name: "treeitem",
        is_abstract: false,
        superclasses: &["listitem", "option"],
        required_attributes: &[],
        supported_attributes: &[
            "aria-checked",
            "aria-expanded",
            "aria-level",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        ],
        prohibited_attributes: &[],
        name_from: NameFrom::Contents,
        children_presentational: false,
        required_context: &["group", "tree"],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "widget",
        is_abstract: true,
        superclasses: &["roletype"],
        required_attributes: &[],
        supported_attributes: &[],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
    RoleInfo {
        name: "window",
        is_abstract: true,
        superclasses: &["roletype"],
        required_attributes: &[],
        supported_attributes: &["aria-modal"],
        prohibited_attributes: &[],
        name_from: NameFrom::Author,
        children_presentational: false,
        required_context: &[],
        required_owned: &[],
        implicit_values: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn supported(role_name: &str) -> &'static [&'static str] {
        role(role_name).map_or(&[], |r| r.supported_attributes)
    }

    #[test]
    fn every_name_finds_its_own_entry_and_nothing_else_is_found() {
        for (i, r) in ROLES.iter().enumerate() {
            assert_eq!(role_index(r.name), Some(i), "{}", r.name);
        }
        for a in ATTRIBUTES {
            assert_eq!(attribute(a.name).map(|found| found.name), Some(a.name));
        }
        for name in [
            "",
            "x",
            "Button",
            "buttons",
            "butto",
            "aria-",
            "aria-labelx",
            "row group",
        ] {
            assert!(
                role(name).is_none() && attribute(name).is_none(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(ROLES.windows(2).all(|w| w[0].name < w[1].name));
        assert!(ATTRIBUTES.windows(2).all(|w| w[0].name < w[1].name));
    }

    #[test]
    fn counts() {
        assert_eq!(ATTRIBUTES.len(), 53);
        assert_eq!(ATTRIBUTES.iter().filter(|a| a.global).count(), 24);
        assert_eq!(ROLES.len(), 142);
        assert_eq!(ROLES.iter().filter(|r| r.is_abstract).count(), 12);
        assert_eq!(
            ROLES.iter().filter(|r| r.name.starts_with("doc-")).count(),
            41
        );
        for name in ARIA_1_3_ROLES.iter().chain(DEPRECATED_ROLES) {
            assert!(is_valid_concrete_role(name), "{name}");
        }
        for name in ARIA_1_3_ATTRIBUTES {
            assert!(attribute(name).is_some(), "{name}");
        }
    }

    #[test]
    fn every_reference_is_defined_and_consistent() {
        for r in ROLES {
            assert!(r.name.is_ascii() && r.name.to_ascii_lowercase() == r.name);
            for s in r.superclasses {
                assert!(role(s).is_some(), "{}: superclass {s}", r.name);
            }
            // Every role descends from roletype, which also proves the graph has no cycle
            // reachable from it within the depth limit.
            assert!(role_is_a(r.name, "roletype"), "{}", r.name);
            assert_eq!(r.superclasses.is_empty(), r.name == "roletype");
            for c in r.required_context {
                assert!(is_valid_concrete_role(c), "{}: context {c}", r.name);
            }
            for o in r.required_owned {
                for part in o.split('>') {
                    assert!(is_valid_concrete_role(part), "{}: owned {o}", r.name);
                }
            }
            for a in r.required_attributes {
                assert!(r.supported_attributes.contains(a), "{}: {a}", r.name);
            }
            for a in r.supported_attributes {
                let info = attribute(a).unwrap_or_else(|| panic!("{}: {a}", r.name));
                assert!(
                    !info.global || r.required_attributes.contains(a),
                    "{}: {a}",
                    r.name
                );
                assert!(role_supports_attribute(r.name, a));
            }
            for a in r.prohibited_attributes {
                assert!(attribute(a).is_some());
                assert!(!r.supported_attributes.contains(a));
                assert!(!role_supports_attribute(r.name, a));
            }
            // Inheritance: a role supports what its superclasses support.
            for s in r.superclasses {
                for a in supported(s) {
                    assert!(
                        r.supported_attributes.contains(a),
                        "{} lacks {a} of {s}",
                        r.name
                    );
                }
            }
            for (a, v) in r.implicit_values {
                assert!(role_supports_attribute(r.name, a), "{}: {a}", r.name);
                assert!(is_value_valid(a, v), "{}: {a}={v}", r.name);
            }
            let no_label = r.prohibited_attributes.contains(&"aria-label")
                && r.prohibited_attributes.contains(&"aria-labelledby");
            assert_eq!(no_label, r.name_from == NameFrom::Prohibited, "{}", r.name);
        }
    }

    #[test]
    fn lookups() {
        assert!(role("button").is_some());
        assert!(
            role("Button").is_none(),
            "lookups are exact; callers lowercase"
        );
        assert!(role("command").is_some_and(|r| r.is_abstract));
        assert!(!is_valid_concrete_role("command"));
        assert!(!is_valid_concrete_role("widget"));
        assert!(!is_valid_concrete_role("landmark"));
        assert!(!is_valid_concrete_role(""));
        assert!(!is_valid_concrete_role("lnik"));
        assert!(!is_valid_concrete_role("searchfield"));
        assert!(!is_valid_concrete_role("bibliographic-reference"));
        for ok in [
            "doc-chapter",
            "doc-biblioref",
            "doc-pagefooter",
            "doc-abstract",
            "graphics-document",
            "graphics-object",
            "graphics-symbol",
            "generic",
            "mark",
            "comment",
            "image",
            "time",
            "searchbox",
            "switch",
            "directory",
            "none",
            "presentation",
            "meter",
            "blockquote",
        ] {
            assert!(is_valid_concrete_role(ok), "{ok}");
        }
        assert!(attribute("aria-checked").is_some_and(|a| a.is_state));
        assert!(attribute("aria-label").is_some_and(|a| !a.is_state && a.global));
        assert!(attribute("aria-grabbed").is_some_and(|a| a.deprecated && a.global));
        assert!(attribute("aria-dropeffect").is_some_and(|a| a.deprecated));
        assert!(attribute("aria-foo").is_none());
        assert!(attribute("aria-not-checked").is_none());
        assert!(attribute("aria-labelled").is_none());
        assert!(attribute("aria-description").is_some_and(|a| a.global));
        assert!(attribute("aria-placeholder").is_some_and(|a| !a.global));
        for g in [
            "aria-disabled",
            "aria-errormessage",
            "aria-haspopup",
            "aria-invalid",
            "aria-hidden",
        ] {
            assert!(is_global_attribute(g), "{g}");
        }
        assert!(!is_global_attribute("aria-checked"));
        assert!(!is_global_attribute("aria-foo"));
    }

    #[test]
    fn required_attributes() {
        let req = |r: &str| role(r).map_or(&[][..], |r| r.required_attributes);
        assert_eq!(req("checkbox"), ["aria-checked"]);
        assert_eq!(req("switch"), ["aria-checked"]);
        assert_eq!(req("radio"), ["aria-checked"]);
        assert_eq!(req("menuitemcheckbox"), ["aria-checked"]);
        assert_eq!(req("menuitemradio"), ["aria-checked"]);
        assert_eq!(req("heading"), ["aria-level"]);
        assert_eq!(req("combobox"), ["aria-controls", "aria-expanded"]);
        assert_eq!(req("scrollbar"), ["aria-controls", "aria-valuenow"]);
        assert_eq!(req("slider"), ["aria-valuenow"]);
        assert_eq!(req("meter"), ["aria-valuenow"]);
        assert!(req("option").is_empty());
        assert!(req("spinbutton").is_empty());
        assert!(req("separator").is_empty());
        assert!(req("listbox").is_empty());
        assert_eq!(
            required_attributes_if_focusable("separator"),
            ["aria-valuenow"]
        );
        assert!(required_attributes_if_focusable("slider").is_empty());
    }

    #[test]
    fn supported_and_prohibited_attributes() {
        assert!(role_supports_attribute("button", "aria-pressed"));
        assert!(role_supports_attribute("button", "aria-expanded"));
        assert!(role_supports_attribute("button", "aria-label"));
        assert!(!role_supports_attribute("button", "aria-sort"));
        assert!(!role_supports_attribute("button", "aria-checked"));
        assert!(role_supports_attribute("generic", "aria-busy"));
        assert!(!role_supports_attribute("generic", "aria-label"));
        assert!(!role_supports_attribute("generic", "aria-labelledby"));
        for r in [
            "caption",
            "code",
            "deletion",
            "emphasis",
            "generic",
            "insertion",
            "none",
            "paragraph",
            "presentation",
            "strong",
            "subscript",
            "superscript",
        ] {
            assert!(role_prohibits_attribute(r, "aria-label"), "{r}");
            assert_eq!(role(r).map(|r| r.name_from), Some(NameFrom::Prohibited));
        }
        assert!(role_supports_attribute("time", "aria-label"));
        assert!(role_supports_attribute("checkbox", "aria-checked"));
        assert!(role_supports_attribute("checkbox", "aria-required"));
        assert!(
            role_supports_attribute("switch", "aria-readonly"),
            "inherited from checkbox"
        );
        assert!(role_supports_attribute("columnheader", "aria-sort"));
        assert!(
            role_supports_attribute("columnheader", "aria-colspan"),
            "from cell"
        );
        assert!(
            role_supports_attribute("columnheader", "aria-selected"),
            "from gridcell"
        );
        assert!(
            role_supports_attribute("treeitem", "aria-checked"),
            "from option"
        );
        assert!(
            role_supports_attribute("treeitem", "aria-level"),
            "from listitem"
        );
        assert!(
            role_supports_attribute("treegrid", "aria-orientation"),
            "from tree via select"
        );
        assert!(
            role_supports_attribute("treegrid", "aria-rowcount"),
            "from grid via table"
        );
        assert!(role_supports_attribute("radiogroup", "aria-orientation"));
        assert!(role_supports_attribute("dialog", "aria-modal"));
        assert!(role_supports_attribute("alertdialog", "aria-modal"));
        assert!(role_supports_attribute("searchbox", "aria-placeholder"));
        assert!(role_supports_attribute("textbox", "aria-multiline"));
        assert!(role_supports_attribute("spinbutton", "aria-valuenow"));
        assert!(role_supports_attribute("progressbar", "aria-valuetext"));
        assert!(role_supports_attribute("gridcell", "aria-rowindex"));
        assert!(
            role_supports_attribute("doc-noteref", "aria-expanded"),
            "from link"
        );
        assert!(role_supports_attribute("graphics-object", "aria-label"));
        assert!(role_supports_attribute(
            "graphics-object",
            "aria-activedescendant"
        ));
        assert!(!role_supports_attribute("application", "aria-orientation"));
        assert!(!role_supports_attribute("main", "aria-orientation"));
        assert!(
            !role_supports_attribute("menuitemcheckbox", "aria-readonly"),
            "ARIA 1.2"
        );
        assert!(!role_supports_attribute("grid", "aria-level"), "ARIA 1.2");
        assert!(
            !role_supports_attribute("listitem", "aria-expanded"),
            "ARIA 1.2"
        );
        assert!(!role_supports_attribute("radio", "aria-required"));
        assert!(!role_supports_attribute("button", "aria-foo"));
        assert!(role_supports_attribute("not-a-role", "aria-label"));
        assert!(!role_supports_attribute("not-a-role", "aria-checked"));
    }

    #[test]
    fn context_and_owned() {
        let ctx = |r: &str| role(r).map_or(&[][..], |r| r.required_context);
        let owned = |r: &str| role(r).map_or(&[][..], |r| r.required_owned);
        assert_eq!(ctx("listitem"), ["directory", "list"]);
        assert_eq!(ctx("option"), ["group", "listbox"]);
        assert_eq!(ctx("row"), ["grid", "rowgroup", "table", "treegrid"]);
        assert_eq!(ctx("tab"), ["tablist"]);
        assert_eq!(ctx("menuitem"), ["group", "menu", "menubar"]);
        assert_eq!(ctx("caption"), ["figure", "grid", "table", "treegrid"]);
        assert!(ctx("doc-abstract").is_empty());
        assert!(ctx("heading").is_empty());
        assert_eq!(owned("list"), ["listitem"]);
        assert!(
            !owned("list").contains(&"group>listitem"),
            "ARIA 1.2 dropped it"
        );
        assert_eq!(owned("tablist"), ["tab"]);
        assert_eq!(owned("grid"), ["row", "rowgroup>row"]);
        assert!(owned("menu").contains(&"group>menuitem"));
        assert!(owned("listbox").contains(&"group>option"));
        assert_eq!(owned("radiogroup"), ["radio"]);
        assert_eq!(owned("feed"), ["article"]);
        assert!(owned("progressbar").is_empty());
    }

    #[test]
    fn implicit_values_and_flags() {
        let implicit = |r: &str, a: &str| {
            role(r).and_then(|r| {
                r.implicit_values
                    .iter()
                    .find(|(k, _)| *k == a)
                    .map(|(_, v)| *v)
            })
        };
        assert_eq!(implicit("heading", "aria-level"), Some("2"));
        assert_eq!(implicit("combobox", "aria-expanded"), Some("false"));
        assert_eq!(implicit("combobox", "aria-haspopup"), Some("listbox"));
        assert_eq!(implicit("slider", "aria-valuemin"), Some("0"));
        assert_eq!(implicit("slider", "aria-valuemax"), Some("100"));
        assert_eq!(implicit("option", "aria-selected"), Some("false"));
        assert_eq!(implicit("scrollbar", "aria-orientation"), Some("vertical"));
        assert_eq!(
            implicit("separator", "aria-orientation"),
            Some("horizontal")
        );
        assert_eq!(implicit("alert", "aria-live"), Some("assertive"));
        assert_eq!(implicit("checkbox", "aria-checked"), None);
        assert!(role("button").is_some_and(|r| r.children_presentational));
        assert!(role("img").is_some_and(|r| r.children_presentational));
        assert!(role("link").is_some_and(|r| !r.children_presentational));
        assert_eq!(role("link").map(|r| r.name_from), Some(NameFrom::Contents));
        assert_eq!(role("region").map(|r| r.name_from), Some(NameFrom::Author));
        assert_eq!(
            role("rowgroup").map(|r| r.name_from),
            Some(NameFrom::Author)
        );
    }

    #[test]
    fn values() {
        assert!(is_value_valid("aria-checked", "mixed"));
        assert!(is_value_valid("aria-checked", "TRUE"));
        assert!(is_value_valid("aria-checked", "undefined"));
        assert!(!is_value_valid("aria-checked", "yes"));
        assert!(is_value_valid("aria-pressed", "mixed"));
        assert!(!is_value_valid("aria-pressed", "horizontal"));
        assert!(is_value_valid("aria-expanded", "undefined"));
        assert!(!is_value_valid("aria-expanded", "collapsed"));
        assert!(!is_value_valid("aria-expanded", "mixed"));
        assert!(is_value_valid("aria-required", "true"));
        assert!(!is_value_valid("aria-required", "undefined"));
        assert!(is_value_valid("aria-level", "2"));
        assert!(is_value_valid("aria-level", " +3 "));
        assert!(!is_value_valid("aria-level", "two"));
        assert!(!is_value_valid("aria-rowindex", "2.5"));
        assert!(!is_value_valid("aria-level", "-"));
        assert!(is_value_valid("aria-valuemin", "1.0"));
        assert!(is_value_valid("aria-valuenow", "-1.5e3"));
        assert!(is_value_valid("aria-valuenow", ".5"));
        assert!(!is_value_valid("aria-valuenow", "one"));
        assert!(!is_value_valid("aria-valuenow", "."));
        assert!(!is_value_valid("aria-valuenow", "1e"));
        assert!(!is_value_valid("aria-valuenow", "NaN"));
        assert!(!is_value_valid("aria-valuenow", "0x10"));
        assert!(is_value_valid("aria-current", "page"));
        assert!(is_value_valid("aria-current", " Page "));
        assert!(!is_value_valid("aria-current", "yes"));
        assert!(!is_value_valid("aria-live", "page"));
        assert!(is_value_valid("aria-live", "polite"));
        assert!(is_value_valid("aria-relevant", "text removals"));
        assert!(is_value_valid("aria-relevant", "additions\ttext"));
        assert!(!is_value_valid("aria-relevant", "text always"));
        assert!(is_value_valid("aria-haspopup", "dialog"));
        assert!(!is_value_valid("aria-haspopup", "popup"));
        assert!(is_value_valid("aria-dropeffect", "copy move"));
        assert!(is_value_valid("aria-label", "anything at all"));
        assert!(is_value_valid("aria-owns", "item1 item2"));
        assert!(is_value_valid("aria-errormessage", "my-error"));
        // Empty values mean "not set": valid for every type (ACT 6a7281 Inapplicable 3).
        for a in [
            "aria-live",
            "aria-level",
            "aria-checked",
            "aria-controls",
            "aria-sort",
        ] {
            assert!(is_value_valid(a, ""), "{a}");
            assert!(is_value_valid(a, "  "), "{a}");
        }
        assert!(!is_value_valid("aria-foo", "true"));
        for a in ATTRIBUTES {
            if let ValueType::Token(t) | ValueType::TokenList(t) = a.value_type {
                assert!(t.iter().all(|v| is_value_valid(a.name, v)));
                assert!(!is_value_valid(a.name, "bogus-token"), "{}", a.name);
            }
        }
    }

    /// The taxonomy walked the slow way, superclass by superclass.
    fn is_a_by_walking(role_name: &str, ancestor: &str, depth: usize) -> bool {
        role_name == ancestor
            || (depth < 16
                && role(role_name).is_some_and(|r| {
                    r.superclasses
                        .iter()
                        .any(|s| is_a_by_walking(s, ancestor, depth + 1))
                }))
    }

    #[test]
    fn precomputed_ancestor_sets_match_the_taxonomy() {
        for r in ROLES {
            for a in ROLES {
                assert_eq!(
                    role_is_a(r.name, a.name),
                    is_a_by_walking(r.name, a.name, 0),
                    "{} is a {}",
                    r.name,
                    a.name
                );
            }
        }
    }

    #[test]
    fn hierarchy_and_widgets() {
        assert!(role_is_a("switch", "checkbox"));
        assert!(role_is_a("switch", "input"));
        assert!(role_is_a("switch", "widget"));
        assert!(role_is_a("button", "button"));
        assert!(role_is_a("doc-toc", "landmark"));
        assert!(role_is_a("searchbox", "textbox"));
        assert!(role_is_a("menuitemradio", "menuitem"));
        assert!(!role_is_a("menuitemradio", "radio"), "ARIA 1.2");
        assert!(role_is_a("treegrid", "table"));
        assert!(role_is_a("graphics-symbol", "img"));
        assert!(!role_is_a("heading", "widget"));
        assert!(!role_is_a("foo", "widget"));
        assert!(role_is_a("foo", "foo"));
        for w in [
            "button",
            "checkbox",
            "combobox",
            "grid",
            "gridcell",
            "link",
            "listbox",
            "menu",
            "menubar",
            "menuitem",
            "menuitemcheckbox",
            "menuitemradio",
            "option",
            "progressbar",
            "radio",
            "radiogroup",
            "scrollbar",
            "searchbox",
            "slider",
            "spinbutton",
            "switch",
            "tab",
            "tablist",
            "textbox",
            "tree",
            "treegrid",
            "treeitem",
            "doc-noteref",
            "doc-backlink",
        ] {
            assert!(is_widget_role(w), "{w}");
        }
        for n in [
            "heading",
            "region",
            "tabpanel",
            "dialog",
            "img",
            "meter",
            "list",
            "table",
            "cell",
            "generic",
            "application",
            "separator",
            "doc-pagebreak",
            "row",
            "columnheader",
            "widget",
            "command",
            "unknown",
        ] {
            assert!(!is_widget_role(n), "{n}");
        }
        assert!(role_is_a("separator", "widget") && is_context_dependent_widget_role("separator"));
        assert!(role_is_a("row", "widget") && is_context_dependent_widget_role("row"));
    }

    /// Answers implied by the W3C ACT test cases of rules 5f99a7, 674b10, 4e8ab6, 5c01ea,
    /// 6a7281, bc4a75 and ff89c9 (checked in bulk by a throwaway script while writing this).
    #[test]
    fn act_rule_examples() {
        // 5f99a7: attribute is defined.
        for a in [
            "aria-atomic",
            "aria-modal",
            "aria-multiline",
            "aria-required",
            "aria-valuemax",
            "aria-placeholder",
        ] {
            assert!(attribute(a).is_some(), "{a}");
        }
        // 674b10: at least one token of the role attribute is a valid role.
        assert!(is_valid_concrete_role("doc-biblioref") || is_valid_concrete_role("link"));
        assert!(
            !is_valid_concrete_role("lnik") && !is_valid_concrete_role("bibliographic-reference")
        );
        // 4e8ab6: missing required attributes.
        assert!(role("switch").is_some_and(|r| r.required_attributes == ["aria-checked"]));
        assert!(role("combobox").is_some_and(|r| r.required_attributes.contains(&"aria-controls")));
        // 5c01ea: permitted attributes.
        assert!(!role_supports_attribute("button", "aria-sort"));
        assert!(role_supports_attribute("combobox", "aria-controls"));
        assert!(role_supports_attribute("textbox", "aria-required"));
        // 6a7281: value types.
        assert!(is_value_valid("aria-expanded", "undefined"));
        assert!(!is_value_valid("aria-relevant", "text always"));
        // bc4a75 / ff89c9: owned and context roles.
        assert!(role("menu").is_some_and(|r| r.required_owned.contains(&"menuitemcheckbox")));
        assert!(role("tablist").is_some_and(|r| !r.required_owned.contains(&"listitem")));
        assert!(role("listitem").is_some_and(|r| !r.required_context.contains(&"tabpanel")));
    }
}
