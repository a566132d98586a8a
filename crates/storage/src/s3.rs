//! S3 through aws-sdk-s3. Objects over one part go up as multipart uploads, with one part in
//! flight while the caller fills the next.

use aws_sdk_s3::{
    Client,
    config::{
        BehaviorVersion, Credentials, Region, RequestChecksumCalculation,
        ResponseChecksumValidation, http::HttpResponse,
    },
    error::SdkError,
    primitives::ByteStream,
    types::{CompletedMultipartUpload, CompletedPart},
};
use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
use bytes::{Bytes, BytesMut};
use tokio::task::JoinHandle;

use crate::{Result, StorageError};

/// Parts are 8 MiB: above S3's 5 MiB minimum, small enough to keep two in memory.
const PART_SIZE: usize = 8 * 1024 * 1024;

#[derive(Clone)]
pub struct S3Settings {
    /// `None` for AWS itself; an S3-compatible server's URL otherwise (addressed path-style).
    pub endpoint: Option<String>,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: secrecy::SecretString,
}

impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Debug)]
pub struct S3Store {
    client: Client,
    bucket: String,
    endpoint: Option<String>,
}

fn backend<E: std::fmt::Debug>(what: &str, e: SdkError<E, HttpResponse>) -> StorageError {
    let status = e.raw_response_status();
    StorageError::Backend(match status {
        Some(s) => format!("{what} answered HTTP {s}"),
        None => format!("{what} failed: {}", short(&e)),
    })
}

fn short<E: std::fmt::Debug>(e: &SdkError<E, HttpResponse>) -> &'static str {
    match e {
        SdkError::ConstructionFailure(_) => "request construction",
        SdkError::TimeoutError(_) => "timeout",
        SdkError::DispatchFailure(_) => "connection",
        SdkError::ResponseError(_) => "unreadable response",
        SdkError::ServiceError(_) => "service error",
        _ => "unknown",
    }
}

trait RawStatus {
    fn raw_response_status(&self) -> Option<u16>;
}

impl<E> RawStatus for SdkError<E, HttpResponse> {
    fn raw_response_status(&self) -> Option<u16> {
        self.raw_response().map(|r| r.status().as_u16())
    }
}

impl S3Store {
    pub fn new(s: S3Settings) -> Self {
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(Provider::Rustls(CryptoMode::Ring))
            .build_https();
        let mut config = aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(s.region.clone()))
            .credentials_provider(Credentials::new(
                s.access_key_id.clone(),
                secrecy::ExposeSecret::expose_secret(&s.secret_access_key).to_string(),
                None,
                None,
                "carebridge",
            ))
            .http_client(http)
            // The objects carry their own authentication (AES-GCM tags); extra CRCs only cost CPU.
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenRequired);
        if let Some(endpoint) = &s.endpoint {
            config = config.endpoint_url(endpoint).force_path_style(true);
        }
        Self {
            client: Client::from_conf(config.build()),
            bucket: s.bucket,
            endpoint: s.endpoint,
        }
    }

    pub fn describe(&self) -> String {
        match &self.endpoint {
            Some(e) => format!("S3 bucket {} at {e}", self.bucket),
            None => format!("S3 bucket {}", self.bucket),
        }
    }

    pub async fn ensure_bucket(&self) -> Result<()> {
        if self
            .client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .is_ok()
        {
            return Ok(());
        }
        match self
            .client
            .create_bucket()
            .bucket(&self.bucket)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) => {
                // Another instance may have created it meanwhile.
                if self
                    .client
                    .head_bucket()
                    .bucket(&self.bucket)
                    .send()
                    .await
                    .is_ok()
                {
                    Ok(())
                } else {
                    Err(backend("CreateBucket", e))
                }
            }
        }
    }

    pub fn writer(&self, key: &str) -> S3Writer {
        S3Writer {
            client: self.client.clone(),
            bucket: self.bucket.clone(),
            key: key.to_owned(),
            buf: BytesMut::with_capacity(PART_SIZE),
            upload_id: None,
            parts: Vec::new(),
            in_flight: None,
        }
    }

    pub async fn reader(&self, key: &str) -> Result<S3Reader> {
        let out = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| {
                if e.raw_response_status() == Some(404)
                    || e.as_service_error().is_some_and(|s| s.is_no_such_key())
                {
                    StorageError::NotFound
                } else {
                    backend("GetObject", e)
                }
            })?;
        Ok(S3Reader {
            len: out.content_length().and_then(|n| u64::try_from(n).ok()),
            body: out.body,
        })
    }

    pub async fn delete(&self, key: &str) -> Result<()> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("DeleteObject", e))
    }
}

type PartUpload = JoinHandle<Result<CompletedPart>>;

pub struct S3Writer {
    client: Client,
    bucket: String,
    key: String,
    buf: BytesMut,
    upload_id: Option<String>,
    parts: Vec<CompletedPart>,
    in_flight: Option<PartUpload>,
}

impl S3Writer {
    pub async fn write(&mut self, mut bytes: Bytes) -> Result<()> {
        while !bytes.is_empty() {
            let room = PART_SIZE - self.buf.len();
            let take = room.min(bytes.len());
            self.buf.extend_from_slice(&bytes.split_to(take));
            if self.buf.len() == PART_SIZE {
                self.send_part().await?;
            }
        }
        Ok(())
    }

    /// Waits for the previous part (one in flight at a time), then starts this one.
    async fn send_part(&mut self) -> Result<()> {
        self.settle().await?;
        let upload_id = match &self.upload_id {
            Some(id) => id.clone(),
            None => {
                let out = self
                    .client
                    .create_multipart_upload()
                    .bucket(&self.bucket)
                    .key(&self.key)
                    .send()
                    .await
                    .map_err(|e| backend("CreateMultipartUpload", e))?;
                let id = out.upload_id().map(str::to_owned).ok_or_else(|| {
                    StorageError::Backend("CreateMultipartUpload returned no upload id".into())
                })?;
                self.upload_id = Some(id.clone());
                id
            }
        };
        let body = std::mem::replace(&mut self.buf, BytesMut::with_capacity(PART_SIZE)).freeze();
        let number = i32::try_from(self.parts.len() + 1).unwrap_or(i32::MAX);
        let request = self
            .client
            .upload_part()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(upload_id)
            .part_number(number)
            .body(ByteStream::from(body));
        self.in_flight = Some(tokio::spawn(async move {
            let out = request.send().await.map_err(|e| backend("UploadPart", e))?;
            Ok(CompletedPart::builder()
                .set_e_tag(out.e_tag().map(str::to_owned))
                .part_number(number)
                .build())
        }));
        Ok(())
    }

    async fn settle(&mut self) -> Result<()> {
        if let Some(handle) = self.in_flight.take() {
            let part = handle
                .await
                .map_err(|_| StorageError::Backend("part upload task failed".into()))??;
            self.parts.push(part);
        }
        Ok(())
    }

    pub async fn finish(mut self) -> Result<()> {
        if self.upload_id.is_none() {
            let body = std::mem::take(&mut self.buf).freeze();
            return self
                .client
                .put_object()
                .bucket(&self.bucket)
                .key(&self.key)
                .body(ByteStream::from(body))
                .send()
                .await
                .map(|_| ())
                .map_err(|e| backend("PutObject", e));
        }
        let result = self.complete().await;
        if result.is_err() {
            self.abort().await;
        }
        result
    }

    async fn complete(&mut self) -> Result<()> {
        if !self.buf.is_empty() {
            self.send_part().await?;
        }
        self.settle().await?;
        let upload_id = self.upload_id.clone().unwrap_or_default();
        self.client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(std::mem::take(&mut self.parts)))
                    .build(),
            )
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("CompleteMultipartUpload", e))
    }

    pub async fn abort(mut self) {
        if let Some(h) = self.in_flight.take() {
            let _ = h.await;
        }
        if let Some(id) = self.upload_id.take() {
            let _ = self
                .client
                .abort_multipart_upload()
                .bucket(&self.bucket)
                .key(&self.key)
                .upload_id(id)
                .send()
                .await;
        }
    }
}

pub struct S3Reader {
    body: ByteStream,
    len: Option<u64>,
}

impl S3Reader {
    pub fn len(&self) -> Option<u64> {
        self.len
    }

    pub async fn next(&mut self) -> Result<Option<Bytes>> {
        match self.body.next().await {
            None => Ok(None),
            Some(Ok(b)) => Ok(Some(b)),
            Some(Err(_)) => Err(StorageError::Backend("reading an object failed".into())),
        }
    }
}
