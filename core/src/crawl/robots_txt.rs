//! robots.txt bodies, without the network: the product token our groups are looked up by,
//! and what a `Crawl-delay` means. The file itself is parsed by `texting_robots`
//! (`Robot::new`), and [`super::robots`] applies the RFC 9309 status rules.

use std::time::Duration;

/// The longest `Crawl-delay` honoured; beyond it a crawl of a council site would take days.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);

/// `frontdesk/0.1.0 (+…)` → `frontdesk`: robots.txt groups name products, not versions.
pub fn product_token(user_agent: &str) -> String {
    let token: String = user_agent
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if token.is_empty() {
        "frontdesk".to_string()
    } else {
        token
    }
}

/// The interval a `Crawl-delay: <seconds>` asks for, at most [`MAX_CRAWL_DELAY`]; `None`
/// when it asks for nothing (zero, negative, not a number).
pub fn crawl_delay(seconds: f32) -> Option<Duration> {
    if !seconds.is_finite() || seconds <= 0.0 {
        return None;
    }
    // Capped before converting: `from_secs_f32` panics past `u64::MAX` seconds.
    Some(Duration::from_secs_f32(
        seconds.min(MAX_CRAWL_DELAY.as_secs_f32()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use texting_robots::Robot;

    #[test]
    fn product_tokens() {
        assert_eq!(
            product_token("frontdesk/0.1.0 (+accessibility checker)"),
            "frontdesk"
        );
        assert_eq!(product_token("Council-QA_bot/2"), "Council-QA_bot");
        assert_eq!(product_token("  "), "frontdesk");
    }

    #[test]
    fn rules_for_our_token_win_over_star() {
        let robot = Robot::new(
            "frontdesk",
            b"User-agent: *\nDisallow: /\n\nUser-agent: frontdesk\nDisallow: /private/\n",
        )
        .unwrap();
        assert!(robot.allowed("https://c.example/bins"));
        assert!(!robot.allowed("https://c.example/private/x"));
    }

    #[test]
    fn crawl_delays() {
        assert_eq!(crawl_delay(5.0), Some(Duration::from_secs(5)));
        assert_eq!(crawl_delay(0.5), Some(Duration::from_millis(500)));
        assert_eq!(crawl_delay(3600.0), Some(MAX_CRAWL_DELAY));
        for nothing in [0.0, -1.0, f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            assert_eq!(crawl_delay(nothing), None, "{nothing}");
        }
    }

    /// `Duration::from_secs_f32` panics past `u64::MAX` seconds (about 1.8e19), and a
    /// robots.txt may say anything.
    #[test]
    fn huge_crawl_delays_are_capped_not_a_panic() {
        for huge in [1.8e19, 1e20, f32::MAX] {
            assert_eq!(crawl_delay(huge), Some(MAX_CRAWL_DELAY), "{huge}");
        }
        for body in [
            &b"User-agent: *\nCrawl-delay: 1e20\n"[..],
            b"Crawl-delay: 99999999999999999999\nUser-agent: *\nDisallow: /x\n",
        ] {
            let robot = Robot::new("frontdesk", body).unwrap();
            let seconds = robot.delay.expect("a delay");
            assert_eq!(crawl_delay(seconds), Some(MAX_CRAWL_DELAY));
        }
    }
}
