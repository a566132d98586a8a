//! The TURN credentials the server hands out work on a real coturn: a turnserver started here
//! with `--use-auth-secret --static-auth-secret=<secret>` grants a UDP relay (Allocate, RFC 5766)
//! to the username and credential that `TurnSettings::ice_servers` computes, and refuses the
//! same username with a credential one character off, and an expired username even with its
//! correct credential. The STUN/TURN client is written here from RFC 5389/5766 (long-term
//! credentials, MESSAGE-INTEGRITY, FINGERPRINT), so nothing of the server checks itself.

use std::{
    net::{Ipv4Addr, SocketAddr},
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use carebridge::realtime::turn::{TurnSettings, credential};
use chrono::Utc;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha1::Sha1;
use tokio::net::UdpSocket;
use uuid::Uuid;

const MAGIC_COOKIE: u32 = 0x2112_A442;
const BINDING_REQUEST: u16 = 0x0001;
const BINDING_SUCCESS: u16 = 0x0101;
const ALLOCATE_REQUEST: u16 = 0x0003;
const ALLOCATE_SUCCESS: u16 = 0x0103;
const ALLOCATE_ERROR: u16 = 0x0113;
const USERNAME: u16 = 0x0006;
const MESSAGE_INTEGRITY: u16 = 0x0008;
const ERROR_CODE: u16 = 0x0009;
const REALM: u16 = 0x0014;
const NONCE: u16 = 0x0015;
const XOR_RELAYED_ADDRESS: u16 = 0x0016;
const REQUESTED_TRANSPORT: u16 = 0x0019;
const FINGERPRINT: u16 = 0x8028;
/// RFC 5389 15.5: the CRC-32 of FINGERPRINT is XORed with this ("STUN").
const FINGERPRINT_XOR: u32 = 0x5354_554e;
/// REQUESTED-TRANSPORT's value for UDP: protocol 17, then three reserved bytes.
const UDP: u32 = 17 << 24;
const REALM_NAME: &str = "carebridge.local";

/// coturn's turnserver: `CAREBRIDGE_TURNSERVER`, else the Debian package's (scripts/tools.sh).
fn turnserver_binary() -> PathBuf {
    if let Ok(p) = std::env::var("CAREBRIDGE_TURNSERVER") {
        return p.into();
    }
    let p = PathBuf::from("/usr/bin/turnserver");
    assert!(
        p.exists(),
        "turnserver (coturn) is not installed: run ./scripts/tools.sh (it installs it), \
         or set CAREBRIDGE_TURNSERVER"
    );
    p
}

/// A turnserver child process on a loopback UDP port, killed when dropped (also when the test
/// panics), with its pid and log files in a directory of its own.
struct Coturn {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Coturn {
    /// Starts turnserver with `secret` on a free UDP port and waits until it answers. The port
    /// is free when chosen but another process may take it before turnserver binds it, so a
    /// start that does not answer is retried on a fresh port (CI once lost that race).
    async fn start(secret: &str) -> Self {
        let mut failures = Vec::new();
        for _ in 0..3 {
            let mut coturn = Coturn::spawn(secret);
            match coturn.wait_until_it_answers().await {
                Ok(()) => return coturn,
                Err(why) => failures.push(why),
            }
        }
        panic!("turnserver did not start:\n{}", failures.join("\n---\n"));
    }

    /// Spawns turnserver on a port free at this moment. UDP only (`--no-tcp`): the tests speak
    /// UDP, and a TCP listener on the same number is one more port to lose.
    fn spawn(secret: &str) -> Self {
        let port = std::net::UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("carebridge-turn-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let child = Command::new(turnserver_binary())
            .args(["-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1"])
            .arg(format!("--listening-port={port}"))
            .args([
                "--use-auth-secret",
                "--no-tcp",
                "--no-tls",
                "--no-dtls",
                "--fingerprint",
            ])
            .arg(format!("--static-auth-secret={secret}"))
            .arg(format!("--realm={REALM_NAME}"))
            .args(["--no-cli", "--allow-loopback-peers", "--simple-log"])
            .arg(format!(
                "--pidfile={}",
                dir.join("turnserver.pid").display()
            ))
            .arg(format!(
                "--log-file={}",
                dir.join("turnserver.log").display()
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting turnserver");
        Coturn { child, port, dir }
    }

    /// Sends Binding requests until one is answered, for up to 5 seconds; the error carries
    /// the turnserver's log.
    async fn wait_until_it_answers(&mut self) -> Result<(), String> {
        let socket = client(self.port).await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Err(format!("turnserver exited ({status}):\n{}", self.log()));
            }
            let request = Request::new(BINDING_REQUEST).finish();
            let answer = exchange_once(&socket, &request, Duration::from_millis(200)).await;
            if answer.is_some_and(|a| a.kind == BINDING_SUCCESS) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Err(format!(
            "turnserver on port {} did not answer in 5 s:\n{}",
            self.port,
            self.log()
        ))
    }

    /// The turnserver's log, for failure messages.
    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("turnserver.log")).unwrap_or_default()
    }
}

impl Drop for Coturn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A STUN message under construction: the 20-byte header, then attributes; the header's
/// length field always counts the attributes written so far.
struct Request {
    bytes: Vec<u8>,
}

impl Request {
    /// A message of type `kind` with a random transaction id.
    fn new(kind: u16) -> Self {
        let mut bytes = Vec::with_capacity(256);
        bytes.extend_from_slice(&kind.to_be_bytes());
        bytes.extend_from_slice(&0u16.to_be_bytes());
        bytes.extend_from_slice(&MAGIC_COOKIE.to_be_bytes());
        bytes.extend_from_slice(&Uuid::new_v4().as_bytes()[..12]);
        Request { bytes }
    }

    /// Appends an attribute, padded to four bytes.
    fn attribute(mut self, kind: u16, value: &[u8]) -> Self {
        self.bytes.extend_from_slice(&kind.to_be_bytes());
        self.bytes
            .extend_from_slice(&u16::try_from(value.len()).unwrap().to_be_bytes());
        self.bytes.extend_from_slice(value);
        self.bytes.resize(self.bytes.len().next_multiple_of(4), 0);
        self.set_length(0);
        self
    }

    /// Sets the header's length to the attributes so far plus `more` bytes.
    fn set_length(&mut self, more: usize) {
        let length = u16::try_from(self.bytes.len() - 20 + more).unwrap();
        self.bytes[2..4].copy_from_slice(&length.to_be_bytes());
    }

    /// Appends MESSAGE-INTEGRITY: HMAC-SHA1 under `key` of the message so far, with the length
    /// already counting this attribute (RFC 5389 15.4).
    fn integrity(mut self, key: &[u8]) -> Self {
        self.set_length(24);
        let mac = hmac_sha1(key, &self.bytes);
        self.attribute(MESSAGE_INTEGRITY, &mac)
    }

    /// Appends FINGERPRINT (RFC 5389 15.5) and returns the datagram.
    fn finish(mut self) -> Vec<u8> {
        self.set_length(8);
        let fingerprint = crc32(&self.bytes) ^ FINGERPRINT_XOR;
        self.attribute(FINGERPRINT, &fingerprint.to_be_bytes())
            .bytes
    }
}

/// HMAC-SHA1 of `data` under `key`.
fn hmac_sha1(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).unwrap();
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit: messages here are short.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The long-term credential key (RFC 5389 15.4): MD5 of `username:realm:password`.
fn long_term_key(username: &str, realm: &str, password: &str) -> Vec<u8> {
    Md5::digest(format!("{username}:{realm}:{password}")).to_vec()
}

/// A STUN message received: its type, the whole datagram, and its attributes with the offset
/// where each begins.
struct Response {
    kind: u16,
    bytes: Vec<u8>,
    attributes: Vec<(u16, usize, Vec<u8>)>,
}

impl Response {
    /// Parses the answer to `request` (same transaction id); `None` for anything else.
    fn parse(bytes: &[u8], request: &[u8]) -> Option<Self> {
        if bytes.len() < 20 || bytes[4..20] != request[4..20] {
            return None;
        }
        let end = 20 + usize::from(u16::from_be_bytes([bytes[2], bytes[3]]));
        let mut attributes = Vec::new();
        let mut at = 20;
        while at + 4 <= end.min(bytes.len()) {
            let kind = u16::from_be_bytes([bytes[at], bytes[at + 1]]);
            let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            attributes.push((kind, at, bytes.get(at + 4..at + 4 + len)?.to_vec()));
            at += 4 + len.next_multiple_of(4);
        }
        Some(Response {
            kind: u16::from_be_bytes([bytes[0], bytes[1]]),
            bytes: bytes[..end].to_vec(),
            attributes,
        })
    }

    /// The value of the first attribute of type `kind`.
    fn attribute(&self, kind: u16) -> Option<&[u8]> {
        self.attributes
            .iter()
            .find(|(k, _, _)| *k == kind)
            .map(|(_, _, v)| v.as_slice())
    }

    /// The offset of the first attribute of type `kind`.
    fn offset(&self, kind: u16) -> Option<usize> {
        self.attributes
            .iter()
            .find(|(k, _, _)| *k == kind)
            .map(|(_, at, _)| *at)
    }

    /// ERROR-CODE as a number (class * 100 + number).
    fn error_code(&self) -> Option<u16> {
        let v = self.attribute(ERROR_CODE)?;
        Some(u16::from(v[2] & 0x07) * 100 + u16::from(v[3]))
    }

    /// An attribute as UTF-8 text.
    fn text(&self, kind: u16) -> Option<String> {
        String::from_utf8(self.attribute(kind)?.to_vec()).ok()
    }

    /// The message up to the attribute at `at`, with the length field counting `more` bytes
    /// past it: what MESSAGE-INTEGRITY and FINGERPRINT cover.
    fn covered(&self, at: usize, more: usize) -> Vec<u8> {
        let mut covered = self.bytes[..at].to_vec();
        let length = u16::try_from(at - 20 + more).unwrap();
        covered[2..4].copy_from_slice(&length.to_be_bytes());
        covered
    }

    /// FINGERPRINT is present, last, and matches.
    fn fingerprint_matches(&self) -> bool {
        let Some(at) = self.offset(FINGERPRINT) else {
            return false;
        };
        let expected = crc32(&self.covered(at, 8)) ^ FINGERPRINT_XOR;
        at + 8 == self.bytes.len() && self.attribute(FINGERPRINT) == Some(&expected.to_be_bytes())
    }

    /// MESSAGE-INTEGRITY is present and matches under `key`.
    fn integrity_matches(&self, key: &[u8]) -> bool {
        let Some(at) = self.offset(MESSAGE_INTEGRITY) else {
            return false;
        };
        self.attribute(MESSAGE_INTEGRITY) == Some(&hmac_sha1(key, &self.covered(at, 24)))
    }

    /// XOR-RELAYED-ADDRESS (IPv4), decoded.
    fn relayed_address(&self) -> Option<SocketAddr> {
        let v = self.attribute(XOR_RELAYED_ADDRESS)?;
        if v.len() != 8 || v[1] != 0x01 {
            return None;
        }
        let cookie = MAGIC_COOKIE.to_be_bytes();
        let port = u16::from_be_bytes([v[2] ^ cookie[0], v[3] ^ cookie[1]]);
        let ip = Ipv4Addr::new(
            v[4] ^ cookie[0],
            v[5] ^ cookie[1],
            v[6] ^ cookie[2],
            v[7] ^ cookie[3],
        );
        Some(SocketAddr::from((ip, port)))
    }
}

/// A new client socket (a new 5-tuple, so a new TURN session) connected to 127.0.0.1:`port`.
async fn client(port: u16) -> UdpSocket {
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket.connect(("127.0.0.1", port)).await.unwrap();
    socket
}

/// Sends `request` once and waits up to `wait` for its answer.
async fn exchange_once(socket: &UdpSocket, request: &[u8], wait: Duration) -> Option<Response> {
    socket.send(request).await.ok()?;
    let mut buf = [0u8; 2048];
    tokio::time::timeout(wait, async {
        loop {
            let n = socket.recv(&mut buf).await.ok()?;
            if let Some(answer) = Response::parse(&buf[..n], request) {
                return Some(answer);
            }
        }
    })
    .await
    .ok()
    .flatten()
}

/// Sends `request` (retransmitting, as STUN over UDP does) and returns its answer, whose
/// FINGERPRINT must match.
async fn exchange(socket: &UdpSocket, request: &[u8]) -> Response {
    for _ in 0..3 {
        if let Some(answer) = exchange_once(socket, request, Duration::from_secs(1)).await {
            assert!(answer.fingerprint_matches(), "bad FINGERPRINT from coturn");
            return answer;
        }
    }
    panic!("no answer from turnserver");
}

/// An Allocate request for a UDP relay.
fn allocate_request() -> Request {
    Request::new(ALLOCATE_REQUEST).attribute(REQUESTED_TRANSPORT, &UDP.to_be_bytes())
}

/// Allocates a UDP relay on a new socket as `username` with `password`, the long-term way:
/// first without credentials (coturn must answer 401 with REALM and NONCE), then with them.
/// Returns the second answer and the key it was signed with.
async fn allocate(port: u16, username: &str, password: &str) -> (Response, Vec<u8>) {
    let socket = client(port).await;
    let challenge = exchange(&socket, &allocate_request().finish()).await;
    assert_eq!(challenge.kind, ALLOCATE_ERROR);
    assert_eq!(challenge.error_code(), Some(401));
    let realm = challenge.text(REALM).expect("REALM in the 401");
    assert_eq!(realm, REALM_NAME);
    let nonce = challenge.attribute(NONCE).expect("NONCE in the 401");
    let key = long_term_key(username, &realm, password);
    let request = allocate_request()
        .attribute(USERNAME, username.as_bytes())
        .attribute(REALM, realm.as_bytes())
        .attribute(NONCE, nonce)
        .integrity(&key)
        .finish();
    (exchange(&socket, &request).await, key)
}

/// `credential` with its first character changed.
fn tampered(credential: &str) -> String {
    let replacement = if credential.starts_with('A') {
        'B'
    } else {
        'A'
    };
    format!("{replacement}{}", &credential[1..])
}

/// Asserts that coturn refused the authenticated Allocate with 401 and a fresh challenge.
fn assert_refused(answer: &Response, what: &str) {
    assert_eq!(answer.kind, ALLOCATE_ERROR, "{what}: not an error response");
    assert_eq!(answer.error_code(), Some(401), "{what}: not 401");
    assert_eq!(answer.text(REALM).as_deref(), Some(REALM_NAME), "{what}");
    assert!(answer.attribute(NONCE).is_some(), "{what}: no NONCE");
}

#[test]
fn crc32_gives_the_ieee_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[tokio::test]
async fn coturn_accepts_the_credentials_the_server_hands_out_and_refuses_tampered_ones() {
    let secret = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
    let coturn = Coturn::start(&secret).await;
    let settings = TurnSettings {
        urls: vec![format!("turn:127.0.0.1:{}?transport=udp", coturn.port)],
        secret: Some(secret.clone().into()),
        ttl: Duration::from_secs(600),
    };
    let user = Uuid::new_v4();
    let servers = settings.ice_servers(user, Utc::now());
    let turn = servers
        .iter()
        .find(|s| s.username.is_some())
        .expect("a TURN entry");
    let username = turn.username.clone().unwrap();
    let password = turn.credential.clone().unwrap();

    let (answer, key) = allocate(coturn.port, &username, &password).await;
    assert_eq!(
        answer.kind,
        ALLOCATE_SUCCESS,
        "Allocate refused (error {:?}):\n{}",
        answer.error_code(),
        coturn.log()
    );
    assert!(
        answer.integrity_matches(&key),
        "coturn signed with another key"
    );
    let relay = answer.relayed_address().expect("XOR-RELAYED-ADDRESS");
    assert_eq!(relay.ip(), Ipv4Addr::LOCALHOST);
    assert_ne!(relay.port(), 0);

    let (answer, _) = allocate(coturn.port, &username, &tampered(&password)).await;
    assert_refused(&answer, "a tampered credential");

    let expired = format!("{}:{user}", Utc::now().timestamp() - 60);
    let (answer, _) = allocate(coturn.port, &expired, &credential(&secret, &expired)).await;
    assert_refused(&answer, "an expired username with its correct credential");
}
