//! Calendar arithmetic and Go-style layouts for `time` (time.rs owns the
//! Lua objects). Layouts are written with the reference time
//! `Mon Jan 2 15:04:05 MST 2006`; the tokenizer follows `nextStdChunk` in
//! Go's `time/format.go` so the same layout strings mean the same thing.
//!
//! All arithmetic is on i64/i128 with wrapping or checks: no input panics.

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12).
/// Howard Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number (inverse of `days_from_civil`).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The broken-down wall clock of a moment (already shifted by its
/// offset): seconds since the epoch in local time.
#[derive(Clone, Copy, Debug)]
pub struct Civil {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    /// 0 = Sunday.
    pub wday: i64,
    /// 1-based.
    pub yday: i64,
}

pub fn civil(local_sec: i64, nsec: i64) -> Civil {
    let days = local_sec.div_euclid(86400);
    let rem = local_sec.rem_euclid(86400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem / 60 % 60,
        sec: rem % 60,
        nsec,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
    }
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    /// Numeric zone: `z` = `Z` for UTC, `colon`, `secs`, `short` (hours only).
    Num {
        z: bool,
        colon: bool,
        secs: bool,
        short: bool,
    },
    /// Fractional seconds: digit count, `nine` trims zeros, separator.
    Frac {
        n: usize,
        nine: bool,
        sep: u8,
    },
}

/// The next layout element: (literal prefix end, element, element end).
fn next_std(l: &[u8]) -> Option<(usize, Std, usize)> {
    let at = |i: usize, s: &str| l.len() >= i + s.len() && &l[i..i + s.len()] == s.as_bytes();
    let lower_at = |i: usize| i < l.len() && l[i].is_ascii_lowercase();
    for i in 0..l.len() {
        match l[i] {
            b'J' if at(i, "Jan") => {
                if at(i, "January") {
                    return Some((i, Std::LongMonth, i + 7));
                }
                if !lower_at(i + 3) {
                    return Some((i, Std::Month, i + 3));
                }
            }
            b'M' => {
                if at(i, "Mon") {
                    if at(i, "Monday") {
                        return Some((i, Std::LongWeekDay, i + 6));
                    }
                    if !lower_at(i + 3) {
                        return Some((i, Std::WeekDay, i + 3));
                    }
                }
                if at(i, "MST") {
                    return Some((i, Std::TZ, i + 3));
                }
            }
            b'0' => {
                if i + 1 < l.len() && (b'1'..=b'6').contains(&l[i + 1]) {
                    let s = [
                        Std::ZeroMonth,
                        Std::ZeroDay,
                        Std::ZeroHour12,
                        Std::ZeroMinute,
                        Std::ZeroSecond,
                        Std::Year,
                    ][(l[i + 1] - b'1') as usize];
                    return Some((i, s, i + 2));
                }
                if at(i, "002") {
                    return Some((i, Std::ZeroYearDay, i + 3));
                }
            }
            b'1' => {
                if at(i, "15") {
                    return Some((i, Std::Hour, i + 2));
                }
                return Some((i, Std::NumMonth, i + 1));
            }
            b'2' => {
                if at(i, "2006") {
                    return Some((i, Std::LongYear, i + 4));
                }
                return Some((i, Std::Day, i + 1));
            }
            b'_' => {
                if at(i, "_2") {
                    if at(i, "_2006") {
                        return Some((i + 1, Std::LongYear, i + 5));
                    }
                    return Some((i, Std::UnderDay, i + 2));
                }
                if at(i, "__2") {
                    return Some((i, Std::UnderYearDay, i + 3));
                }
            }
            b'3' => return Some((i, Std::Hour12, i + 1)),
            b'4' => return Some((i, Std::Minute, i + 1)),
            b'5' => return Some((i, Std::Second, i + 1)),
            b'P' if at(i, "PM") => return Some((i, Std::PM, i + 2)),
            b'p' if at(i, "pm") => return Some((i, Std::Pm, i + 2)),
            b'-' | b'Z' => {
                let z = l[i] == b'Z';
                let forms: [(&str, bool, bool, bool); 5] = [
                    ("070000", false, true, false),
                    ("07:00:00", true, true, false),
                    ("0700", false, false, false),
                    ("07:00", true, false, false),
                    ("07", false, false, true),
                ];
                for (f, colon, secs, short) in forms {
                    if at(i + 1, f) {
                        return Some((
                            i,
                            Std::Num {
                                z,
                                colon,
                                secs,
                                short,
                            },
                            i + 1 + f.len(),
                        ));
                    }
                }
            }
            b'.' | b',' if i + 1 < l.len() && (l[i + 1] == b'0' || l[i + 1] == b'9') => {
                let ch = l[i + 1];
                let mut j = i + 1;
                while j < l.len() && l[j] == ch {
                    j += 1;
                }
                if !(j < l.len() && l[j].is_ascii_digit()) {
                    return Some((
                        i,
                        Std::Frac {
                            n: j - i - 1,
                            nine: ch == b'9',
                            sep: l[i],
                        },
                        j,
                    ));
                }
            }
            _ => {}
        }
    }
    None
}

fn pad(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        out.push('-');
    }
    let s = n.unsigned_abs().to_string();
    for _ in s.len()..width {
        out.push('0');
    }
    out.push_str(&s);
}

/// Formats a moment: `c` its wall clock, `offset` seconds east of UTC,
/// `abbrev` the zone abbreviation (may be empty).
pub fn format(layout: &str, c: &Civil, offset: i64, abbrev: &str) -> String {
    let mut out = String::with_capacity(layout.len() + 10);
    let mut l = layout.as_bytes();
    while let Some((p, std, e)) = next_std(l) {
        out.push_str(&String::from_utf8_lossy(&l[..p]));
        l = &l[e..];
        match std {
            Std::Year => pad(&mut out, c.year.rem_euclid(100), 2),
            Std::LongYear => pad(&mut out, c.year, 4),
            Std::Month => out.push_str(&MONTHS[(c.month - 1) as usize][..3]),
            Std::LongMonth => out.push_str(MONTHS[(c.month - 1) as usize]),
            Std::NumMonth => pad(&mut out, c.month, 0),
            Std::ZeroMonth => pad(&mut out, c.month, 2),
            Std::WeekDay => out.push_str(&DAYS[c.wday as usize][..3]),
            Std::LongWeekDay => out.push_str(DAYS[c.wday as usize]),
            Std::Day => pad(&mut out, c.day, 0),
            Std::UnderDay => {
                if c.day < 10 {
                    out.push(' ');
                }
                pad(&mut out, c.day, 0)
            }
            Std::ZeroDay => pad(&mut out, c.day, 2),
            Std::UnderYearDay => {
                if c.yday < 100 {
                    out.push(' ');
                }
                if c.yday < 10 {
                    out.push(' ');
                }
                pad(&mut out, c.yday, 0)
            }
            Std::ZeroYearDay => pad(&mut out, c.yday, 3),
            Std::Hour => pad(&mut out, c.hour, 2),
            Std::Hour12 | Std::ZeroHour12 => {
                let h = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
                pad(&mut out, h, if std == Std::ZeroHour12 { 2 } else { 0 })
            }
            Std::Minute => pad(&mut out, c.min, 0),
            Std::ZeroMinute => pad(&mut out, c.min, 2),
            Std::Second => pad(&mut out, c.sec, 0),
            Std::ZeroSecond => pad(&mut out, c.sec, 2),
            Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
            Std::TZ => {
                if !abbrev.is_empty() {
                    out.push_str(abbrev);
                } else {
                    let m = offset / 60;
                    out.push(if m < 0 { '-' } else { '+' });
                    pad(&mut out, m.abs() / 60, 2);
                    pad(&mut out, m.abs() % 60, 2);
                }
            }
            Std::Num {
                z,
                colon,
                secs,
                short,
            } => {
                if z && offset == 0 {
                    out.push('Z');
                    continue;
                }
                let a = offset.abs();
                out.push(if offset < 0 { '-' } else { '+' });
                pad(&mut out, a / 3600, 2);
                if !short {
                    if colon {
                        out.push(':');
                    }
                    pad(&mut out, a / 60 % 60, 2);
                }
                if secs {
                    if colon {
                        out.push(':');
                    }
                    pad(&mut out, a % 60, 2);
                }
            }
            Std::Frac { n, nine, sep } => {
                let digits = format!("{:09}", c.nsec);
                let mut d = &digits[..n.min(9)];
                if nine {
                    d = d.trim_end_matches('0');
                    if d.is_empty() {
                        continue;
                    }
                }
                out.push(sep as char);
                out.push_str(d);
                for _ in 9..n {
                    out.push('0');
                }
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(l));
    out
}

/// What a parse found; the caller turns it into a moment.
#[derive(Debug, Default)]
pub struct Parsed {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    /// Offset seconds when the value gave a numeric zone (or `Z`).
    pub offset: Option<i64>,
    /// Zone abbreviation when the value gave one (`MST`).
    pub abbrev: Option<String>,
}

/// Reads 1-2 digits (exactly 2 when `fixed`).
fn getnum(v: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    if v.is_empty() || !v[0].is_ascii_digit() {
        return None;
    }
    if v.len() < 2 || !v[1].is_ascii_digit() {
        if fixed {
            return None;
        }
        return Some(((v[0] - b'0') as i64, &v[1..]));
    }
    Some((((v[0] - b'0') * 10 + (v[1] - b'0')) as i64, &v[2..]))
}

/// Reads exactly `n` digits.
fn getnum_n(v: &[u8], n: usize) -> Option<(i64, &[u8])> {
    if v.len() < n || !v[..n].iter().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let x = v[..n].iter().fold(0i64, |a, b| a * 10 + (b - b'0') as i64);
    Some((x, &v[n..]))
}

/// Fraction digits after a separator: nanoseconds (extra digits ignored).
fn frac_nanos(d: &[u8]) -> i64 {
    let mut ns = 0i64;
    for k in 0..9 {
        ns = ns * 10 + d.get(k).map(|b| (b - b'0') as i64).unwrap_or(0);
    }
    ns
}

fn lookup<'a>(names: &[&str], short: bool, v: &'a [u8]) -> Option<(i64, &'a [u8])> {
    for (i, n) in names.iter().enumerate() {
        let n = if short { &n[..3] } else { n };
        if v.len() >= n.len() && v[..n.len()].eq_ignore_ascii_case(n.as_bytes()) {
            return Some((i as i64, &v[n.len()..]));
        }
    }
    None
}

/// A zone abbreviation: `UTC`, `GMT` with an optional `+h`/`-h`, or 3-5
/// upper-case letters.
fn zone_abbrev(v: &[u8]) -> Option<usize> {
    if v.starts_with(b"UTC") {
        return Some(3);
    }
    if v.starts_with(b"GMT") {
        let mut n = 3;
        if n < v.len() && (v[n] == b'+' || v[n] == b'-') {
            let mut k = n + 1;
            while k < v.len() && k < n + 3 && v[k].is_ascii_digit() {
                k += 1;
            }
            if k > n + 1 {
                n = k;
            }
        }
        return Some(n);
    }
    let n = v.iter().take_while(|b| b.is_ascii_uppercase()).count();
    (3..=5).contains(&n).then_some(n)
}

/// Parses `value` against `layout`, with Go's error wording.
pub fn parse(layout: &str, value: &str) -> Result<Parsed, String> {
    let whole = value;
    let bad = |elem: &str, rest: &[u8]| {
        format!(
            "parsing time {:?} as {:?}: cannot parse {:?} as {:?}",
            whole,
            layout,
            String::from_utf8_lossy(rest),
            elem
        )
    };
    let range = |what: &str| format!("parsing time {whole:?}: {what} out of range");
    let mut l = layout.as_bytes();
    let mut v = value.as_bytes();
    let mut p = Parsed {
        month: -1,
        day: -1,
        ..Default::default()
    };
    let mut pm: Option<bool> = None;
    let mut yday: i64 = -1;
    let mut hour12 = false;
    loop {
        let Some((pre, std, e)) = next_std(l) else {
            // The rest of the layout is literal.
            if !v.starts_with(l) {
                return Err(bad(&String::from_utf8_lossy(l), v));
            }
            v = &v[l.len()..];
            break;
        };
        let prefix = &l[..pre];
        if !v.starts_with(prefix) {
            return Err(bad(&String::from_utf8_lossy(prefix), v));
        }
        v = &v[prefix.len()..];
        let elem = String::from_utf8_lossy(&l[pre..e]).into_owned();
        l = &l[e..];
        let before = v;
        let r: Option<&[u8]> = match std {
            Std::Year => getnum_n(v, 2).map(|(y, r)| {
                p.year = if y >= 69 { y + 1900 } else { y + 2000 };
                r
            }),
            Std::LongYear => {
                let (neg, vv) = match v.first() {
                    Some(b'-') => (true, &v[1..]),
                    _ => (false, v),
                };
                getnum_n(vv, 4).map(|(y, r)| {
                    p.year = if neg { -y } else { y };
                    r
                })
            }
            Std::Month | Std::LongMonth => lookup(&MONTHS, std == Std::Month, v).map(|(m, r)| {
                p.month = m + 1;
                r
            }),
            Std::NumMonth | Std::ZeroMonth => getnum(v, std == Std::ZeroMonth).map(|(m, r)| {
                p.month = m;
                r
            }),
            Std::WeekDay | Std::LongWeekDay => {
                lookup(&DAYS, std == Std::WeekDay, v).map(|(_, r)| r)
            }
            Std::Day | Std::UnderDay | Std::ZeroDay => {
                let vv = if std == Std::UnderDay && v.first() == Some(&b' ') {
                    &v[1..]
                } else {
                    v
                };
                getnum(vv, std == Std::ZeroDay).map(|(d, r)| {
                    p.day = d;
                    r
                })
            }
            Std::UnderYearDay | Std::ZeroYearDay => {
                let mut vv = v;
                if std == Std::UnderYearDay {
                    for _ in 0..2 {
                        if vv.first() == Some(&b' ') {
                            vv = &vv[1..];
                        }
                    }
                    let n = vv.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
                    getnum_n(vv, n.max(1))
                } else {
                    getnum_n(vv, 3)
                }
                .map(|(d, r)| {
                    yday = d;
                    r
                })
            }
            Std::Hour => getnum(v, false).map(|(h, r)| {
                p.hour = h;
                r
            }),
            Std::Hour12 | Std::ZeroHour12 => getnum(v, std == Std::ZeroHour12).map(|(h, r)| {
                hour12 = true;
                p.hour = h;
                r
            }),
            Std::Minute | Std::ZeroMinute => getnum(v, std == Std::ZeroMinute).map(|(m, r)| {
                p.min = m;
                r
            }),
            Std::Second | Std::ZeroSecond => getnum(v, std == Std::ZeroSecond).map(|(s, mut r)| {
                p.sec = s;
                // As Go: a fraction may follow seconds even when the layout
                // has none, unless the layout's next element is one.
                let next_is_frac = matches!(next_std(l), Some((0, Std::Frac { .. }, _)));
                if !next_is_frac
                    && r.len() >= 2
                    && (r[0] == b'.' || r[0] == b',')
                    && r[1].is_ascii_digit()
                {
                    let n = 1 + r[1..].iter().take_while(|b| b.is_ascii_digit()).count();
                    p.nsec = frac_nanos(&r[1..n]);
                    r = &r[n..];
                }
                r
            }),
            Std::PM | Std::Pm => {
                let (a, b) = if std == Std::PM {
                    ("AM", "PM")
                } else {
                    ("am", "pm")
                };
                if v.starts_with(b.as_bytes()) {
                    pm = Some(true);
                    Some(&v[2..])
                } else if v.starts_with(a.as_bytes()) {
                    pm = Some(false);
                    Some(&v[2..])
                } else {
                    None
                }
            }
            Std::Num {
                z,
                colon,
                secs,
                short,
            } => {
                if z && v.first() == Some(&b'Z') {
                    p.offset = Some(0);
                    Some(&v[1..])
                } else {
                    (|| {
                        let sign = match v.first()? {
                            b'+' => 1,
                            b'-' => -1,
                            _ => return None,
                        };
                        let (hh, mut r) = getnum_n(&v[1..], 2)?;
                        let mut mm = 0;
                        let mut ss = 0;
                        if !short {
                            if colon {
                                r = r.strip_prefix(b":")?;
                            }
                            let (m, r2) = getnum_n(r, 2)?;
                            mm = m;
                            r = r2;
                        }
                        if secs {
                            if colon {
                                r = r.strip_prefix(b":")?;
                            }
                            let (s, r2) = getnum_n(r, 2)?;
                            ss = s;
                            r = r2;
                        }
                        p.offset = Some(sign * (hh * 3600 + mm * 60 + ss));
                        Some(r)
                    })()
                }
            }
            Std::TZ => {
                if v.len() >= 3 && v.starts_with(b"UTC") {
                    p.abbrev = Some("UTC".into());
                    Some(&v[3..])
                } else {
                    zone_abbrev(v).map(|n| {
                        p.abbrev = Some(String::from_utf8_lossy(&v[..n]).into_owned());
                        &v[n..]
                    })
                }
            }
            Std::Frac { n, nine, .. } => {
                if nine {
                    if v.len() < 2 || !(v[0] == b'.' || v[0] == b',') || !v[1].is_ascii_digit() {
                        Some(v)
                    } else {
                        let k = 1 + v[1..].iter().take_while(|b| b.is_ascii_digit()).count();
                        p.nsec = frac_nanos(&v[1..k]);
                        Some(&v[k..])
                    }
                } else if v.len() > n
                    && (v[0] == b'.' || v[0] == b',')
                    && v[1..=n].iter().all(|b| b.is_ascii_digit())
                {
                    p.nsec = frac_nanos(&v[1..=n]);
                    Some(&v[n + 1..])
                } else {
                    None
                }
            }
        };
        match r {
            Some(r) => v = r,
            None => return Err(bad(&elem, before)),
        }
    }
    if !v.is_empty() {
        return Err(format!(
            "parsing time {:?}: extra text: {:?}",
            whole,
            String::from_utf8_lossy(v)
        ));
    }
    if hour12 && !(0..=12).contains(&p.hour) {
        return Err(range("hour"));
    }
    match pm {
        Some(true) if p.hour < 12 => p.hour += 12,
        Some(false) if p.hour == 12 => p.hour = 0,
        _ => {}
    }
    if yday >= 0 {
        let days = if is_leap(p.year) { 366 } else { 365 };
        if yday < 1 || yday > days {
            return Err(range("day-of-year"));
        }
        let (_, m, d) = civil_from_days(days_from_civil(p.year, 1, 1) + yday - 1);
        if (p.month >= 0 && p.month != m) || (p.day >= 0 && p.day != d) {
            return Err(format!(
                "parsing time {whole:?}: day-of-year does not match date"
            ));
        }
        p.month = m;
        p.day = d;
    }
    if p.month < 0 {
        p.month = 1;
    }
    if p.day < 0 {
        p.day = 1;
    }
    if !(1..=12).contains(&p.month) {
        return Err(range("month"));
    }
    if p.day < 1 || p.day > days_in_month(p.year, p.month) {
        return Err(range("day"));
    }
    if p.hour > 23 {
        return Err(range("hour"));
    }
    if p.min > 59 {
        return Err(range("minute"));
    }
    if p.sec > 59 {
        return Err(range("second"));
    }
    Ok(p)
}

/// Go's `Duration.String`: `1h2m3.5s`, `1.5ms`, `0s`.
pub fn duration_string(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    let mut out = String::new();
    let frac = |u: u64, prec: u32| -> (String, u64) {
        let p = 10u64.pow(prec);
        let f = u % p;
        if f == 0 {
            return (String::new(), u / p);
        }
        let s = format!("{:0width$}", f, width = prec as usize);
        (format!(".{}", s.trim_end_matches('0')), u / p)
    };
    if u < 1_000_000_000 {
        let (prec, unit) = if u < 1_000 {
            (0, "ns")
        } else if u < 1_000_000 {
            (3, "µs")
        } else {
            (6, "ms")
        };
        let (f, w) = frac(u, prec);
        out = format!("{w}{f}{unit}");
    } else {
        let (f, w) = frac(u, 9);
        u = w;
        let secs = u % 60;
        u /= 60;
        out.insert_str(0, &format!("{secs}{f}s"));
        if u > 0 {
            let mins = u % 60;
            u /= 60;
            out.insert_str(0, &format!("{mins}m"));
            if u > 0 {
                out.insert_str(0, &format!("{u}h"));
            }
        }
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        for d in [-719468i64, -1, 0, 1, 10957, 2932896] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }

    #[test]
    fn formats_go_layouts() {
        let c = civil(1136214245, 123456789); // 2006-01-02 15:04:05 (shifted)
        assert_eq!(
            format("2006-01-02T15:04:05.000Z07:00", &c, -7 * 3600, "MST"),
            "2006-01-02T15:04:05.123-07:00"
        );
        assert_eq!(
            format("Mon Jan _2 3:04PM MST", &c, 0, "UTC"),
            "Mon Jan  2 3:04PM UTC"
        );
        assert_eq!(format(".999999999", &c, 0, ""), ".123456789");
    }

    #[test]
    fn parses_go_layouts() {
        let p = parse("2006-01-02T15:04:05Z07:00", "2021-03-04T05:06:07.5+01:30").unwrap();
        assert_eq!(
            (p.year, p.month, p.day, p.hour, p.min, p.sec, p.nsec),
            (2021, 3, 4, 5, 6, 7, 500_000_000)
        );
        assert_eq!(p.offset, Some(5400));
        assert!(parse("2006-01-02", "2021-02-30").is_err());
        assert!(parse("15:04", "25:00").is_err());
    }

    #[test]
    fn duration_strings() {
        assert_eq!(duration_string(5_445_500_000_000), "1h30m45.5s");
        assert_eq!(duration_string(1_500_000), "1.5ms");
        assert_eq!(duration_string(3_600_000_000_000), "1h0m0s");
        assert_eq!(duration_string(-2), "-2ns");
        assert_eq!(duration_string(i64::MIN), "-2562047h47m16.854775808s");
    }
}
