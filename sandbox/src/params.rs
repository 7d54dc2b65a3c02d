//! Request parameters the way PHP sees them: `parse_str` nesting (`a[b][0]=v`, `a[]=v`),
//! JSON bodies, and PHP's truthiness / `intval` rules that the Bitrix REST handlers rely on.

use serde_json::{Map, Value};

/// Parses an `application/x-www-form-urlencoded` string into a PHP-like tree.
///
/// Bracketed keys nest (`cmd[pin]=...`, `name[0]=v`, `name[]=v`); objects whose keys are
/// exactly `0..n` become JSON arrays, as PHP's `json_encode` would print them.
pub fn parse_form(input: &str) -> Map<String, Value> {
    let mut root = Map::new();
    for (key, value) in form_urlencoded::parse(input.as_bytes()) {
        insert(&mut root, &key, Value::String(value.into_owned()));
    }
    normalize_map(root)
}

/// Merges `other` into `base`, `other` winning (PHP: query string first, then the body).
pub fn merge(base: &mut Map<String, Value>, other: Map<String, Value>) {
    for (k, v) in other {
        base.insert(k, v);
    }
}

fn split_key(key: &str) -> (String, Vec<String>) {
    match key.find('[') {
        Some(open) if open > 0 => {
            let base = key[..open].to_string();
            let mut segs = Vec::new();
            let mut rest = &key[open..];
            while let Some(stripped) = rest.strip_prefix('[') {
                match stripped.find(']') {
                    Some(close) => {
                        segs.push(stripped[..close].to_string());
                        rest = &stripped[close + 1..];
                    }
                    None => break,
                }
            }
            (base, segs)
        }
        _ => (key.to_string(), Vec::new()),
    }
}

fn next_index(map: &Map<String, Value>) -> usize {
    map.keys()
        .filter_map(|k| k.parse::<usize>().ok())
        .map(|n| n + 1)
        .max()
        .unwrap_or(0)
}

fn insert(root: &mut Map<String, Value>, key: &str, value: Value) {
    let (base, segs) = split_key(key);
    if segs.is_empty() {
        root.insert(base, value);
        return;
    }
    let mut node = root
        .entry(base)
        .and_modify(|v| {
            if !v.is_object() {
                *v = Value::Object(Map::new());
            }
        })
        .or_insert_with(|| Value::Object(Map::new()));
    for (i, seg) in segs.iter().enumerate() {
        let Value::Object(map) = node else {
            return;
        };
        let seg = if seg.is_empty() {
            next_index(map).to_string()
        } else {
            seg.clone()
        };
        if i + 1 == segs.len() {
            map.insert(seg, value);
            return;
        }
        node = map
            .entry(seg)
            .and_modify(|v| {
                if !v.is_object() {
                    *v = Value::Object(Map::new());
                }
            })
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

fn normalize_map(map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter().map(|(k, v)| (k, normalize(v))).collect()
}

fn normalize(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let sequential = !map.is_empty()
                && map
                    .keys()
                    .enumerate()
                    .all(|(i, k)| k.parse::<usize>().ok() == Some(i));
            let map = normalize_map(map);
            if sequential {
                Value::Array(map.into_iter().map(|(_, v)| v).collect())
            } else {
                Value::Object(map)
            }
        }
        other => other,
    }
}

/// PHP's `!$value`: missing, null, false, 0, 0.0, "", "0" and empty arrays are falsy.
pub fn is_falsy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => !b,
        Some(Value::Number(n)) => n.as_f64() == Some(0.0),
        Some(Value::String(s)) => s.is_empty() || s == "0",
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
    }
}

/// PHP's `intval`: leading whitespace, optional sign, leading digits; anything else is 0.
pub fn intval(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Bool(true)) => 1,
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f.trunc() as i64))
            .unwrap_or(0),
        Some(Value::String(s)) => {
            let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
            let (sign, digits) = match t.as_bytes().first() {
                Some(b'-') => (-1, &t[1..]),
                Some(b'+') => (1, &t[1..]),
                _ => (1, t),
            };
            let end = digits
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(digits.len());
            digits[..end].parse::<i64>().map(|n| sign * n).unwrap_or(0)
        }
        Some(Value::Array(a)) => i64::from(!a.is_empty()),
        _ => 0,
    }
}

/// The value as PHP would print it with `(string)`; arrays and objects give `None`.
pub fn strval(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => Some(String::new()),
        Value::Bool(true) => Some("1".into()),
        Value::Bool(false) => Some(String::new()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// `true` only for the exact string `s` (PHP `=== 's'`; a JSON `true` is not a string).
pub fn is_exact(v: Option<&Value>, s: &str) -> bool {
    matches!(v, Some(Value::String(x)) if x == s)
}

/// Case-insensitive lookup (for handlers that run `array_change_key_case`).
pub fn get_ci<'a>(params: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_keys_become_objects_and_sequential_keys_become_arrays() {
        let p = parse_form(
            "auth=x&cmd[a]=profile%3F&cmd[b]=m%3Fx%3D1&list[0]=a&list[1]=b&e=&app[]=1&app[]=2",
        );
        assert_eq!(
            Value::Object(p),
            json!({"auth":"x","cmd":{"a":"profile?","b":"m?x=1"},"list":["a","b"],"e":"","app":["1","2"]})
        );
    }

    #[test]
    fn intval_and_falsiness_follow_php() {
        assert_eq!(intval(Some(&json!("12"))), 12);
        assert_eq!(intval(Some(&json!(" 12abc"))), 12);
        assert_eq!(intval(Some(&json!("chat12"))), 0);
        assert_eq!(intval(Some(&json!(13))), 13);
        assert!(is_falsy(Some(&json!("0"))));
        assert!(is_falsy(None));
        assert!(!is_falsy(Some(&json!("chat12"))));
    }
}
