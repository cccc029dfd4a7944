//! Form fields of a legacy API request, from any of the bodies clients send:
//! multipart/form-data (the PHP SDK), application/x-www-form-urlencoded (older SDKs)
//! or a JSON object. File parts are read past and never stored.

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;

/// Most fields one request may carry.
pub const MAX_FIELDS: usize = 1000;

/// Why a body could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// The body claims a form it is not (no boundary, truncated, bad JSON).
    Malformed(String),
    /// More than [`MAX_FIELDS`] fields.
    TooManyFields,
}

/// The fields of a request body, in order; names may repeat. A body of any other
/// type (or none) carries no fields.
pub async fn parse(headers: &HeaderMap, body: Bytes) -> Result<Vec<(String, String)>, BodyError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let fields = match mime.as_str() {
        "multipart/form-data" => multipart(&content_type, body).await?,
        "application/x-www-form-urlencoded" => form_urlencoded::parse(&body).into_owned().collect(),
        "application/json" => json(&body)?,
        _ => Vec::new(),
    };
    if fields.len() > MAX_FIELDS {
        return Err(BodyError::TooManyFields);
    }
    Ok(fields)
}

async fn multipart(content_type: &str, body: Bytes) -> Result<Vec<(String, String)>, BodyError> {
    let boundary =
        multer::parse_boundary(content_type).map_err(|e| BodyError::Malformed(e.to_string()))?;
    let stream = futures::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut fields = Vec::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| BodyError::Malformed(e.to_string()))?
    {
        let name = field.name().unwrap_or("").to_owned();
        if field.file_name().is_some() {
            // A file part: read past it, keep nothing.
            field
                .bytes()
                .await
                .map_err(|e| BodyError::Malformed(e.to_string()))?;
            continue;
        }
        let value = field
            .text()
            .await
            .map_err(|e| BodyError::Malformed(e.to_string()))?;
        fields.push((name, value));
        if fields.len() > MAX_FIELDS {
            return Err(BodyError::TooManyFields);
        }
    }
    Ok(fields)
}

/// A JSON object: scalars as their text (`10` is `"10"`), objects and arrays as JSON
/// text (so `header` and `data` may be given either way), null as empty.
fn json(body: &[u8]) -> Result<Vec<(String, String)>, BodyError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| BodyError::Malformed(e.to_string()))?;
    let serde_json::Value::Object(map) = value else {
        return Ok(Vec::new());
    };
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (k, text)
        })
        .collect())
}

/// A field that appears more than once.
#[derive(Debug, PartialEq, Eq)]
pub struct Duplicate(pub String);

/// The one value of `name`, None when absent; an error when it repeats.
pub fn one<'a>(fields: &'a [(String, String)], name: &str) -> Result<Option<&'a str>, Duplicate> {
    let mut found = None;
    for (k, v) in fields {
        if k == name {
            if found.is_some() {
                return Err(Duplicate(name.to_owned()));
            }
            found = Some(v.as_str());
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, ct.parse().unwrap());
        h
    }

    #[tokio::test]
    async fn three_encodings() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nsecret\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n你\r\n--XyZ--\r\n";
        let f = parse(
            &headers("multipart/form-data; boundary=XyZ"),
            Bytes::from(body),
        )
        .await
        .unwrap();
        assert_eq!(f, [("a".into(), "1".into()), ("b".into(), "你".into())]);
        let f = parse(
            &headers("application/x-www-form-urlencoded"),
            Bytes::from("a=1&b=%E4%BD%A0&a=2"),
        )
        .await
        .unwrap();
        assert_eq!(
            f,
            [
                ("a".into(), "1".into()),
                ("b".into(), "你".into()),
                ("a".into(), "2".into())
            ]
        );
        let f = parse(
            &headers("application/json; charset=utf-8"),
            Bytes::from(r#"{"a":10,"h":{"X":"1"},"d":[],"n":null}"#),
        )
        .await
        .unwrap();
        assert_eq!(
            f,
            [
                ("a".into(), "10".into()),
                ("h".into(), r#"{"X":"1"}"#.into()),
                ("d".into(), "[]".into()),
                ("n".into(), "".into())
            ]
        );
        assert!(
            parse(&headers("text/plain"), Bytes::from("a=1"))
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            parse(&HeaderMap::new(), Bytes::from("a=1"))
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn malformed_bodies() {
        assert!(matches!(
            parse(&headers("multipart/form-data"), Bytes::from("x")).await,
            Err(BodyError::Malformed(_))
        ));
        let truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1";
        assert!(matches!(
            parse(
                &headers("multipart/form-data; boundary=XyZ"),
                Bytes::from(truncated)
            )
            .await,
            Err(BodyError::Malformed(_))
        ));
        assert!(matches!(
            parse(&headers("application/json"), Bytes::from("{")).await,
            Err(BodyError::Malformed(_))
        ));
        let many: String = (0..1001).map(|i| format!("f{i}=1&")).collect();
        assert_eq!(
            parse(
                &headers("application/x-www-form-urlencoded"),
                Bytes::from(many)
            )
            .await,
            Err(BodyError::TooManyFields)
        );
    }

    #[test]
    fn duplicates() {
        let f = vec![
            ("a".to_owned(), "1".to_owned()),
            ("a".to_owned(), "2".to_owned()),
        ];
        assert_eq!(one(&f, "a"), Err(Duplicate("a".into())));
        assert_eq!(one(&f, "b"), Ok(None));
    }
}
