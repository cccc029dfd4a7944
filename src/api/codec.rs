//! The protobuf codec of HtqService: prost's, except that a request that does not
//! decode is the caller's error (INVALID_ARGUMENT), not INTERNAL as tonic-prost
//! reports it. Nothing is written for such a request: it never reaches the core.

use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic::{Code, Status};
use tonic_prost::prost::Message;
use tonic_prost::{ProstCodec, ProstDecoder, ProstEncoder};

/// prost encoding and decoding, decode errors as INVALID_ARGUMENT.
#[derive(Debug, Clone, Default)]
pub struct StrictCodec<T, U>(ProstCodec<T, U>);

impl<T, U> Codec for StrictCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = StrictDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        self.0.encoder()
    }

    fn decoder(&mut self) -> Self::Decoder {
        StrictDecoder(self.0.decoder())
    }
}

/// prost's decoder with its errors mapped to INVALID_ARGUMENT.
#[derive(Debug)]
pub struct StrictDecoder<U>(ProstDecoder<U>);

impl<U: Message + Default> Decoder for StrictDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.0.decode(buf).map_err(|s| match s.code() {
            Code::Internal => Status::invalid_argument(format!(
                "request: not a valid protobuf message of this method ({})",
                s.message()
            )),
            _ => s,
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.0.buffer_settings()
    }
}

/// A gRPC service generated elsewhere (the health service), with an undecodable
/// request answered INVALID_ARGUMENT as HtqService answers it: tonic-prost's
/// INTERNAL for a decode error is rewritten in the trailers-only answer.
#[derive(Debug, Clone)]
pub struct DecodeErrorsInvalid<S>(pub S);

impl<S: tonic::server::NamedService> tonic::server::NamedService for DecodeErrorsInvalid<S> {
    const NAME: &'static str = S::NAME;
}

impl<S, B> tower::Service<http::Request<B>> for DecodeErrorsInvalid<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<tonic::body::Body>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<S::Response, S::Error>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let fut = self.0.call(req);
        Box::pin(async move {
            let mut resp = fut.await?;
            let h = resp.headers_mut();
            let decode_error = h.get("grpc-status").is_some_and(|s| s == "13")
                && h.get("grpc-message").is_some_and(|m| {
                    m.as_bytes()
                        .starts_with(b"failed%20to%20decode%20Protobuf%20message")
                });
            if decode_error {
                h.insert("grpc-status", http::HeaderValue::from_static("3"));
            }
            Ok(resp)
        })
    }
}
