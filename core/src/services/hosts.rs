//! Hosts that councils send residents to for a transaction: payment pages, form platforms,
//! problem reporting, bookings and portals (`core/data/transaction-hosts.csv`, each row with
//! the evidence it was seen). A link to one of them from a task page is an online route even
//! though it leaves the council's site.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::csv_rows;

/// What a resident does on a known host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostKind {
    /// Card payment.
    Payment,
    /// Online forms (applications, requests).
    Forms,
    /// Reporting a problem.
    Reporting,
    /// Booking.
    Booking,
    /// A self-service portal or catalogue (accounts, look-ups).
    Portal,
}

/// A known transaction host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownHost {
    /// A host, matching itself and its subdomains (`fixmystreet.com`), or a path that starts
    /// with `/` and matches on any host (`/online-applications/`, a product's URL scheme).
    pub pattern: &'static str,
    /// What residents do there.
    pub kind: HostKind,
    /// Who runs it.
    pub supplier: &'static str,
    /// Where it was seen, e.g. "2017 GOV.UK links: 8 councils".
    pub source: &'static str,
}

/// Every known host, in the data file's order.
pub fn all() -> &'static [KnownHost] {
    static HOSTS: OnceLock<Vec<KnownHost>> = OnceLock::new();
    HOSTS.get_or_init(|| {
        csv_rows(include_str!("../../data/transaction-hosts.csv"))
            .filter_map(parse)
            .collect()
    })
}

/// One row: `pattern,kind,supplier,source`.
fn parse(f: Vec<&'static str>) -> Option<KnownHost> {
    let [pattern, kind, supplier, source] = f[..] else {
        return None;
    };
    let kind = match kind {
        "payment" => HostKind::Payment,
        "forms" => HostKind::Forms,
        "reporting" => HostKind::Reporting,
        "booking" => HostKind::Booking,
        "portal" => HostKind::Portal,
        _ => return None,
    };
    if pattern.is_empty() || supplier.is_empty() || source.is_empty() {
        return None;
    }
    Some(KnownHost {
        pattern,
        kind,
        supplier,
        source,
    })
}

/// The known host `host` is, or a subdomain of (`barnet.fixmystreet.com`); any case, a final
/// dot and a port ignored. A look-alike (`fixmystreet.com.evil.example`,
/// `notfixmystreet.com`) is not matched.
pub fn classify(host: &str) -> Option<KnownHost> {
    let host = host.trim().to_ascii_lowercase();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => &host,
    };
    let host = host.trim_end_matches('.');
    all()
        .iter()
        .filter(|k| !k.pattern.starts_with('/'))
        .find(|k| {
            host == k.pattern
                || host
                    .strip_suffix(k.pattern)
                    .is_some_and(|p| p.ends_with('.'))
        })
        .copied()
}

/// The known host or product of a URL: its host as [`classify`], else a product recognised
/// by its path on the council's own host (Idox planning's `/online-applications/`, Liberty
/// Create's `/w/webpage/`). `None` for a URL that does not parse.
pub fn classify_url(url: &str) -> Option<KnownHost> {
    let url = url::Url::parse(url).ok()?;
    if let Some(known) = url.host_str().and_then(classify) {
        return Some(known);
    }
    let path = url.path().to_ascii_lowercase();
    all()
        .iter()
        .filter(|k| k.pattern.starts_with('/'))
        .find(|k| path.contains(k.pattern))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_embedded_table_parses() {
        let text = include_str!("../../data/transaction-hosts.csv");
        assert!(
            !text.contains("\"\""),
            "the parser does not unescape doubled quotes"
        );
        assert_eq!(
            all().len(),
            text.lines().skip(1).count(),
            "a row did not parse"
        );
        for k in all() {
            assert_eq!(k.pattern, k.pattern.to_ascii_lowercase(), "{}", k.pattern);
            if k.pattern.starts_with('/') {
                assert!(
                    k.pattern.ends_with('/'),
                    "a path pattern ends with a slash: {}",
                    k.pattern
                );
            } else {
                assert!(
                    k.pattern.contains('.') && !k.pattern.contains('/'),
                    "{}",
                    k.pattern
                );
            }
        }
    }

    #[test]
    fn real_hosts_from_the_url_sets() {
        // From govuk-llm-fallback-links-2017.csv and the bin-day look-up URLs.
        let kind = |host: &str| classify(host).map(|k| k.kind);
        assert_eq!(kind("barnet.fixmystreet.com"), Some(HostKind::Reporting));
        assert_eq!(kind("www.fixmystreet.com"), Some(HostKind::Reporting));
        assert_eq!(kind("dudley.firmstep.com"), Some(HostKind::Forms));
        assert_eq!(
            kind("tewkesbury-self.achieveservice.com"),
            Some(HostKind::Forms)
        );
        assert_eq!(kind("ip.e-paycapita.com"), Some(HostKind::Payment));
        assert_eq!(kind("www.civicaepay.co.uk"), Some(HostKind::Payment));
        assert_eq!(kind("www.paynotice.co.uk"), Some(HostKind::Payment));
        assert_eq!(kind("lcc-wrp.whitespacews.com"), Some(HostKind::Portal));
        assert_eq!(kind("iweb.itouchvision.com"), Some(HostKind::Portal));
        assert_eq!(
            kind("card.payments.service.gov.uk"),
            Some(HostKind::Payment)
        );
        assert_eq!(
            classify("Barnet.FixMyStreet.com.:443").map(|k| k.supplier),
            Some("FixMyStreet (mySociety)")
        );
        assert_eq!(
            classify_url(
                "https://selfservice.mybfc.bracknell-forest.gov.uk/w/webpage/waste-collection-days"
            )
            .map(|k| k.supplier),
            Some("Netcall Liberty Create")
        );
        assert_eq!(
            classify_url("https://www.bromley.gov.uk/site/xfp/scripts/xforms_form.aspx?formID=14")
                .map(|k| k.kind),
            Some(HostKind::Forms)
        );
        assert_eq!(
            classify_url(
                "https://publicaccess.example-council.gov.uk/online-applications/search.do"
            )
            .map(|k| k.supplier),
            Some("Idox Public Access (planning)")
        );
    }

    #[test]
    fn councils_own_hosts_and_look_alikes_are_not_matched() {
        assert_eq!(classify("www.kent.gov.uk"), None);
        assert_eq!(classify("www.barnet.gov.uk"), None);
        assert_eq!(
            classify_url("https://www.barnet.gov.uk/recycling-and-waste/bin-collections"),
            None
        );
        assert_eq!(classify("fixmystreet.com.evil.example"), None);
        assert_eq!(classify("notfixmystreet.com"), None);
        assert_eq!(classify("firmstep.com-pay.example"), None);
        assert_eq!(classify(""), None);
        assert_eq!(classify_url("not a url"), None);
        // The host decides before the path: a query string naming a product is not a match.
        assert_eq!(
            classify_url("https://evil.example/?next=/online-applications/"),
            None
        );
    }
}
