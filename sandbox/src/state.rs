//! The portal's in-memory world: users, chats and sessions, the app's install/bind state,
//! tokens, the request limiter, scenario switches and the call log.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::{json, Value};

/// Lifetime of an access token in seconds (what a portal gives an app: one hour).
pub const AUTH_EXPIRES: u64 = 3600;
/// The access token every `reset` starts with (handy for curl).
pub const SEED_TOKEN: &str = "sandbox-auth-seed";
/// The refresh token that goes with [`SEED_TOKEN`].
pub const SEED_REFRESH: &str = "sandbox-refresh-seed";
/// `member_id` of the portal.
pub const MEMBER_ID: &str = "5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f";
/// Cloud limiter (non-Enterprise plans): bucket size.
pub const LIMIT_BURST: f64 = 50.0;
/// Cloud limiter: drain per second.
pub const LIMIT_DRAIN_PER_S: f64 = 2.0;

/// A portal user.
#[derive(Clone, Debug, Serialize)]
pub struct User {
    /// User id.
    pub id: i64,
    /// First name.
    pub name: &'static str,
    /// Last name.
    pub last_name: &'static str,
    /// Portal administrator.
    pub admin: bool,
}

/// The seeded users.
pub fn users() -> Vec<User> {
    vec![
        User {
            id: 1,
            name: "Anna",
            last_name: "Operator",
            admin: false,
        },
        User {
            id: 2,
            name: "Boris",
            last_name: "Operator",
            admin: false,
        },
        User {
            id: 3,
            name: "Alla",
            last_name: "Admin",
            admin: true,
        },
    ]
}

/// A message in a chat.
#[derive(Clone, Debug)]
pub struct Message {
    /// Message id.
    pub id: i64,
    /// Author (0 = system).
    pub author_id: i64,
    /// Unix time.
    pub date: i64,
    /// Content.
    pub body: Body,
}

/// What a message says.
#[derive(Clone, Debug)]
pub enum Body {
    /// Plain text written by someone.
    Text(String),
    /// A system message by language key, rendered in the portal language.
    System {
        /// `IMOL_CHAT_ASSIGN_ON` etc.
        code: &'static str,
        /// `#DATE#` argument (unix time), for ASSIGN_ON.
        date: Option<i64>,
    },
}

/// A chat (open-line dialog or group chat) with its current session.
#[derive(Clone, Debug)]
pub struct Chat {
    /// Chat id (`chat<id>`).
    pub id: i64,
    /// Title.
    pub name: String,
    /// Open line (`TYPE = L`, `ENTITY_TYPE = LINES`); false = group chat (`C`).
    pub lines: bool,
    /// `AUTHOR_ID` (`owner` in dialog.get).
    pub owner: i64,
    /// The session's `OPERATOR_ID`.
    pub operator: i64,
    /// b_im_relation rows.
    pub members: Vec<i64>,
    /// imopenlines Recent rows ("fake relations"): users the waiting dialog is offered to from
    /// the queue without being members (docs/bitrix24.md §11).
    pub recent: Vec<i64>,
    /// Users who pinned the chat to the top of their messenger list (`b_im_recent.PINNED`, the
    /// top-level `pinned` of `im.recent.get`); unrelated to the open-line pin ([`Chat::pinned`]).
    pub top_pinned: Vec<i64>,
    /// The session id the members' `b_im_recent` rows carry (`ITEM_OLID`: `ENTITY_DATA_1` #5 when
    /// the last message came), which `im.recent.get` joins for `lines`; 0 joins nothing.
    pub olid: i64,
    /// `Config::canJoin` for the current user.
    pub can_join: bool,
    /// Current session (0 = closed).
    pub session_id: i64,
    /// Session status (0 NEW, 5 SKIP, 10 ANSWER, 20 CLIENT, 25 CLIENT_AFTER_OPERATOR,
    /// 40 OPERATOR, 50 WAIT_CLIENT, 60 CLOSE, 65 SPAM, 69 DUPLICATE, 75 SILENTLY_CLOSE).
    pub session_status: i64,
    /// ENTITY_DATA_1 #3 PAUSE.
    pub pinned: bool,
    /// ENTITY_DATA_3 (`Y`, `N` or `""`).
    pub whisper: String,
    /// Connector code (ENTITY_ID part 0).
    pub connector: &'static str,
    /// Open line id.
    pub line_id: i64,
    /// Creation time (unix).
    pub date_create: i64,
    /// Avatar colour.
    pub color: &'static str,
    /// Messages, oldest first.
    pub messages: Vec<Message>,
}

impl Chat {
    /// `ENTITY_ID`: `connector|LINE_ID|CONNECTOR_CHAT_ID|CONNECTOR_USER_ID`.
    pub fn entity_id(&self) -> String {
        if !self.lines {
            return String::new();
        }
        format!(
            "{}|{}|{}|{}",
            self.connector,
            self.line_id,
            self.id + 500,
            self.id + 900
        )
    }

    /// `ENTITY_DATA_1`: `CRM|CRM_ENTITY_TYPE|CRM_ENTITY_ID|PAUSE|WAIT_ACTION|SESSION_ID|DATE_CREATE|LINE_ID|BLOCK_DATE|BLOCK_REASON`.
    pub fn entity_data_1(&self) -> String {
        if !self.lines {
            return String::new();
        }
        format!(
            "N|NONE|0|{}|N|{}|{}|{}|0|0",
            if self.pinned { "Y" } else { "N" },
            self.session_id,
            self.date_create,
            self.line_id
        )
    }

    /// `ENTITY_DATA_2` (CRM bindings).
    pub fn entity_data_2(&self) -> String {
        if self.lines {
            "LEAD|0|COMPANY|0|CONTACT|0|DEAL|0".into()
        } else {
            String::new()
        }
    }

    /// The extended chat type (`Chat::getType`): `lines` for an open line.
    pub fn chat_type(&self) -> &'static str {
        if self.lines {
            "lines"
        } else {
            "chat"
        }
    }

    /// `ENTITY_TYPE`: `LINES` for an open line.
    pub fn entity_type(&self) -> &'static str {
        if self.lines {
            "LINES"
        } else {
            ""
        }
    }

    /// `MESSAGE_TYPE`: `L` for an open line, `C` for a group chat.
    pub fn message_type(&self) -> &'static str {
        if self.lines {
            "L"
        } else {
            "C"
        }
    }
}

/// The app under test (every token the sandbox issues is this app's).
pub const OUR_APP: i64 = 1;
/// Another app installed in the portal, with an item in the apps panel above the chat input:
/// `placement.*` of our app never sees or touches it (docs/sandbox.md).
pub const OTHER_APP: i64 = 2;

/// A `placement.bind` row.
#[derive(Clone, Debug, Serialize)]
pub struct Binding {
    /// Row id.
    pub id: i64,
    /// The app it belongs to ([`OUR_APP`], [`OTHER_APP`]).
    pub app_id: i64,
    /// Placement code.
    pub placement: String,
    /// Handler URL.
    pub handler: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Options after defaults.
    pub options: Value,
    /// Per-language titles.
    pub lang_all: Value,
}

/// How the app is registered: what the portal frames while it installs the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InstallPath {
    /// The installation path is the handler URL with `install=1` (docs/install.md's two URLs).
    #[default]
    Separate,
    /// One URL for both: the installation path is the handler URL itself.
    Same,
}

/// Which messenger the portal page plays (docs/sandbox.md "Two messengers").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Messenger {
    /// im v2 as built today: an open-line chat's sidebar has no Applications block
    /// (`linesPreset`); `IM_TEXTAREA` apps open from the apps panel above the input in a popup
    /// of the binding's width × height pixels.
    #[default]
    Current,
    /// Older builds: open-line chats got the group-chat sidebar with its Applications block,
    /// where `IM_SIDEBAR` apps show.
    Classic,
}

/// How `fail_next` fails a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum FailMode {
    /// 503 QUERY_LIMIT_EXCEEDED.
    #[serde(rename = "503")]
    Limit,
    /// 500 INTERNAL_SERVER_ERROR.
    #[serde(rename = "500")]
    Internal,
    /// Close the connection without a response.
    #[serde(rename = "drop")]
    Drop,
}

/// Scenario switches set through `POST /sandbox/scenario`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Scenario {
    /// Delay before every REST answer.
    pub latency_ms: u64,
    /// Remaining faulted requests.
    pub fail_count: u32,
    /// How they fail.
    pub fail_mode: Option<FailMode>,
    /// `refreshAuth` from the frame fails.
    pub refresh_fails: bool,
    /// The portal predates `imopenlines.session.mode.*`.
    pub too_old: bool,
}

/// An OAuth token pair.
#[derive(Clone, Debug)]
pub struct Token {
    /// Owner.
    pub user: i64,
    /// Access token.
    pub access: String,
    /// Refresh token.
    pub refresh: String,
    /// When it stops working.
    pub expires_at: Instant,
}

/// One entry of the call log.
#[derive(Clone, Debug, Serialize)]
pub struct Call {
    /// Sequence number (1-based, across resets).
    pub seq: u64,
    /// `rest` or `frame`.
    pub kind: String,
    /// REST method or frame command.
    pub method: String,
    /// Decoded params (auth redacted).
    pub params: Value,
    /// HTTP status (0 = connection dropped; frame entries: 0).
    pub status: u16,
    /// Response body (null when dropped).
    pub response: Value,
    /// Unix time in ms.
    pub at_ms: u64,
}

/// The whole mutable world.
#[derive(Debug)]
pub struct World {
    /// Current user.
    pub current_user: i64,
    /// Portal language (`en`, `ru`, …).
    pub lang: String,
    /// Chats by id.
    pub chats: BTreeMap<i64, Chat>,
    /// Next message id.
    pub next_message_id: i64,
    /// App installed (installFinish done).
    pub installed: bool,
    /// Which URL the install view frames while installing.
    pub install_path: InstallPath,
    /// Placement bindings of every app.
    pub bindings: Vec<Binding>,
    /// Which messenger the portal page plays.
    pub messenger: Messenger,
    /// Next binding id.
    pub next_binding_id: i64,
    /// Scenario switches.
    pub scenario: Scenario,
    /// Tokens by access token.
    pub tokens: HashMap<String, Token>,
    /// The token the portal page hands to frames.
    pub current_token: String,
    /// Limiter level.
    pub bucket: f64,
    /// Last limiter update.
    pub bucket_at: Instant,
    /// Call log.
    pub calls: Vec<Call>,
    /// Next call seq.
    pub next_seq: u64,
    /// The handler URL of the seeded binding.
    pub app_url: String,
}

/// Unix time in seconds.
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Unix time in ms.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// 32 lower-case hex chars, random enough for tokens and APP_SID.
pub fn random_hex() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::new();
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

fn text(author: i64, date: i64, s: &str) -> (i64, i64, Body) {
    (author, date, Body::Text(s.to_string()))
}

#[allow(clippy::too_many_arguments)]
fn chat(
    id: i64,
    name: &str,
    owner: i64,
    members: &[i64],
    session_id: i64,
    session_status: i64,
    pinned: bool,
    whisper: &str,
    connector: &'static str,
    color: &'static str,
) -> Chat {
    Chat {
        id,
        name: name.to_string(),
        lines: true,
        owner,
        operator: owner,
        members: members.to_vec(),
        recent: Vec::new(),
        top_pinned: Vec::new(),
        olid: session_id,
        can_join: true,
        session_id,
        session_status,
        pinned,
        whisper: whisper.to_string(),
        connector,
        line_id: 1,
        date_create: 1_779_000_000 + id * 3600,
        color,
        messages: Vec::new(),
    }
}

/// The first id of the dialogs the scenario `extra_dialogs` adds.
pub const EXTRA_FIRST_ID: i64 = 1000;

/// The most dialogs the scenario `extra_dialogs` adds.
pub const EXTRA_MAX: usize = 2000;

/// The queue offer seeded before any message was linked to it: `im.recent.get` prints `null`.
pub const CHAT_WITHOUT_MESSAGES: i64 = 23;

/// The seeded chats (see docs/sandbox.md).
pub fn seed_chats() -> BTreeMap<i64, Chat> {
    let mut list = vec![
        chat(
            11,
            "Ivan Petrov (Telegram)",
            1,
            &[1],
            1101,
            20,
            false,
            "N",
            "telegrambot",
            "#4ba984",
        ),
        chat(
            12,
            "Maria Ivanova (WhatsApp)",
            1,
            &[1],
            1201,
            20,
            true,
            "N",
            "whatsappbytwilio",
            "#58cc47",
        ),
        chat(
            13,
            "Oleg Sidorov (Live chat)",
            1,
            &[1],
            1301,
            20,
            false,
            "Y",
            "livechat",
            "#ab7761",
        ),
        chat(
            14,
            "Nina Kuznetsova (Viber)",
            2,
            &[2, 1],
            1401,
            20,
            false,
            "N",
            "viber",
            "#e8a441",
        ),
        chat(
            15,
            "Secret VIP client",
            2,
            &[2],
            1501,
            20,
            false,
            "N",
            "livechat",
            "#df532d",
        ),
        chat(
            17,
            "Closed: Pavel Orlov",
            0,
            &[1],
            0,
            60,
            false,
            "N",
            "telegrambot",
            "#8474c8",
        ),
        chat(
            18,
            "<img src=x onerror=\"window.__xss=1\">Eve <script>window.__xss=2</script>",
            1,
            &[1],
            1801,
            40,
            false,
            "N",
            "livechat",
            "#1eb4aa",
        ),
        chat(
            19,
            "Sergey Volkov (Telegram)",
            1,
            &[1],
            1901,
            10,
            false,
            "N",
            "telegrambot",
            "#6fc8e5",
        ),
        chat(
            20,
            "Olga Smirnova (Live chat)",
            1,
            &[1],
            2001,
            50,
            false,
            "N",
            "livechat",
            "#f76187",
        ),
        chat(
            21,
            "Boris's client",
            2,
            &[2],
            2101,
            20,
            false,
            "N",
            "telegrambot",
            "#728f7a",
        ),
    ];
    // chat15: nobody may join it but its operator's team.
    list[4].can_join = false;
    // chat11: pinned to the top of Anna's messenger list, not pinned as an open line.
    list[0].top_pinned = vec![1];
    // chat17: the members' recent row still joins the closed session (ITEM_OLID).
    list[5].olid = 1701;
    // Waiting in the queue (status 0, no operator): offered to Anna and Boris (queue type
    // "all"), offered to Anna before any message was linked (a `null` entry), and a returning
    // client whose new session waits while Anna is still a member from a force-closed one.
    let mut offer = chat(
        22,
        "Dmitry Sokolov (Telegram)",
        0,
        &[],
        2201,
        0,
        false,
        "N",
        "telegrambot",
        "#3e99ce",
    );
    offer.recent = vec![1, 2];
    list.push(offer);
    let mut offer_empty = chat(
        23,
        "Visitor 4417 (Live chat)",
        0,
        &[],
        2301,
        0,
        false,
        "N",
        "livechat",
        "#e8a441",
    );
    offer_empty.recent = vec![1];
    list.push(offer_empty);
    list.push(chat(
        24,
        "Elena Popova (WhatsApp)",
        0,
        &[1],
        2401,
        0,
        false,
        "N",
        "whatsappbytwilio",
        "#58cc47",
    ));
    let mut group = chat(
        16,
        "Sales team",
        3,
        &[1, 2, 3],
        0,
        0,
        false,
        "",
        "",
        "#3e99ce",
    );
    group.lines = false;
    group.operator = 0;
    group.line_id = 0;
    list.push(group);
    list.sort_by_key(|c| c.id);

    let mut next_id = 1;
    let mut out = BTreeMap::new();
    for mut c in list {
        // Ten minutes apart per chat, so the recent list has an order by last message.
        let base = 1_779_400_000 + c.id * 600;
        let client = 900 + c.id;
        let seeded: Vec<(i64, i64, Body)> = if c.id == CHAT_WITHOUT_MESSAGES {
            Vec::new()
        } else if c.lines && c.session_status < 10 {
            // Nobody has answered yet.
            vec![
                text(client, base, "Hello! Is anyone there?"),
                text(client, base + 120, "I need help with my order."),
            ]
        } else if c.lines {
            vec![
                text(client, base, "Hello! I have a question about my order."),
                text(
                    if c.owner > 0 { c.owner } else { 2 },
                    base + 60,
                    "Good afternoon! Let me check that for you.",
                ),
                text(client, base + 120, "Thank you, I'll wait."),
            ]
        } else {
            vec![
                text(3, base, "Team, the weekly report is due on Friday."),
                text(2, base + 60, "Noted."),
            ]
        };
        for (author_id, date, body) in seeded {
            c.messages.push(Message {
                id: next_id,
                author_id,
                date,
                body,
            });
            next_id += 1;
        }
        out.insert(c.id, c);
    }
    out
}

/// The size of the widget's popup above the chat input, as its install binds it
/// (`src/domain/install.rs` `TEXTAREA_SIZE`; `e2e/install.spec.ts` checks that an install
/// through the app leaves exactly these seeded bindings).
pub const WIDGET_TEXTAREA_SIZE: (i64, i64) = (400, 540);

/// The bindings an installed app has: the widget above the chat input and in the chat sidebar,
/// as its install page binds them.
pub fn seed_bindings(app_url: &str) -> Vec<Binding> {
    let options = json!({"iconName": "fa-thumb-tack", "color": "LIGHT_BLUE", "context": "LINES", "role": "USER", "extranet": "N"});
    let mut textarea = options.clone();
    textarea["width"] = json!(WIDGET_TEXTAREA_SIZE.0);
    textarea["height"] = json!(WIDGET_TEXTAREA_SIZE.1);
    let binding = |id: i64, placement: &str, options: Value| Binding {
        id,
        app_id: OUR_APP,
        placement: placement.into(),
        handler: app_url.to_string(),
        title: "Dialog modes".into(),
        description: String::new(),
        options,
        lang_all: json!({"en": {"TITLE": "Dialog modes", "DESCRIPTION": "", "GROUP_NAME": ""}, "ru": {"TITLE": "Режимы диалога", "DESCRIPTION": "", "GROUP_NAME": ""}}),
    };
    vec![
        binding(1, "IM_TEXTAREA", textarea),
        binding(2, "IM_SIDEBAR", options),
    ]
}

/// Another app's item in the apps panel above the chat input of every chat.
pub fn other_app_binding() -> Binding {
    Binding {
        id: 3,
        app_id: OTHER_APP,
        placement: "IM_TEXTAREA".into(),
        handler: "about:blank".into(),
        title: "Quick replies".into(),
        description: String::new(),
        options: json!({"iconName": "fa-comment", "color": "GREEN", "context": "ALL", "role": "USER", "extranet": "N", "width": 300, "height": 200}),
        lang_all: json!({"en": {"TITLE": "Quick replies", "DESCRIPTION": "", "GROUP_NAME": ""}}),
    }
}

impl World {
    /// A fresh world.
    pub fn new(app_url: &str) -> Self {
        let mut w = World {
            current_user: 1,
            lang: "en".into(),
            chats: BTreeMap::new(),
            next_message_id: 1,
            installed: true,
            install_path: InstallPath::Separate,
            bindings: Vec::new(),
            messenger: Messenger::Current,
            next_binding_id: 4,
            scenario: Scenario::default(),
            tokens: HashMap::new(),
            current_token: String::new(),
            bucket: 0.0,
            bucket_at: Instant::now(),
            calls: Vec::new(),
            next_seq: 1,
            app_url: app_url.to_string(),
        };
        w.reset(true);
        w
    }

    /// Back to the seed (`installed` = false starts an un-installed app with no bindings),
    /// registered with two URLs ([`InstallPath::Separate`]).
    pub fn reset(&mut self, installed: bool) {
        self.current_user = 1;
        self.lang = "en".into();
        self.chats = seed_chats();
        self.recount_message_ids();
        self.installed = installed;
        self.install_path = InstallPath::Separate;
        self.bindings = if installed {
            seed_bindings(&self.app_url)
        } else {
            Vec::new()
        };
        self.bindings.push(other_app_binding());
        self.next_binding_id = 4;
        self.messenger = Messenger::Current;
        self.scenario = Scenario::default();
        self.tokens.clear();
        self.tokens.insert(
            SEED_TOKEN.into(),
            Token {
                user: 1,
                access: SEED_TOKEN.into(),
                refresh: SEED_REFRESH.into(),
                expires_at: Instant::now() + Duration::from_secs(AUTH_EXPIRES),
            },
        );
        self.current_token = SEED_TOKEN.into();
        self.bucket = 0.0;
        self.bucket_at = Instant::now();
        self.calls.clear();
    }

    /// The user record.
    pub fn user(&self, id: i64) -> Option<User> {
        users().into_iter().find(|u| u.id == id)
    }

    /// Mints a token for `user` and makes it current.
    pub fn mint_token(&mut self, user: i64) -> Token {
        let t = Token {
            user,
            access: random_hex(),
            refresh: random_hex(),
            expires_at: Instant::now() + Duration::from_secs(AUTH_EXPIRES),
        };
        self.tokens.insert(t.access.clone(), t.clone());
        self.current_token = t.access.clone();
        t
    }

    /// The current token for the current user, minting one if it is missing, expired or
    /// belongs to someone else (a portal keeps handing out the same token for its hour).
    pub fn ensure_token(&mut self) -> Token {
        if let Some(t) = self.tokens.get(&self.current_token) {
            if t.user == self.current_user && t.expires_at > Instant::now() {
                return t.clone();
            }
        }
        self.mint_token(self.current_user)
    }

    /// Expires every token issued so far (scenario `expire_token`).
    pub fn expire_tokens(&mut self) {
        let now = Instant::now();
        for t in self.tokens.values_mut() {
            t.expires_at = now;
        }
    }

    /// Leaky bucket: true when the request is admitted.
    pub fn admit(&mut self) -> bool {
        let now = Instant::now();
        let drained = now.duration_since(self.bucket_at).as_secs_f64() * LIMIT_DRAIN_PER_S;
        self.bucket = (self.bucket - drained).max(0.0);
        self.bucket_at = now;
        if self.bucket + 1.0 > LIMIT_BURST {
            return false;
        }
        self.bucket += 1.0;
        true
    }

    /// Appends to the call log and returns the seq.
    pub fn log(
        &mut self,
        kind: &str,
        method: &str,
        params: Value,
        status: u16,
        response: Value,
    ) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.calls.push(Call {
            seq,
            kind: kind.into(),
            method: method.into(),
            params,
            status,
            response,
            at_ms: now_ms(),
        });
        seq
    }

    /// Posts a system message to a chat.
    pub fn system_message(&mut self, chat_id: i64, code: &'static str, date: Option<i64>) {
        let id = self.next_message_id;
        self.next_message_id += 1;
        if let Some(c) = self.chats.get_mut(&chat_id) {
            c.messages.push(Message {
                id,
                author_id: 0,
                date: now_unix(),
                body: Body::System { code, date },
            });
        }
    }

    /// The next message id follows the highest one in the chats.
    fn recount_message_ids(&mut self) {
        self.next_message_id = self
            .chats
            .values()
            .flat_map(|c| c.messages.iter().map(|m| m.id))
            .max()
            .unwrap_or(0)
            + 1;
    }

    /// Replaces the extra dialogs (ids from [`EXTRA_FIRST_ID`]) with `n` open-line dialogs of
    /// `user`'s, in a fixed mix of every kind of row `im.recent.get` lists (docs/sandbox.md,
    /// scenario `extra_dialogs`): the same `n` always gives the same world.
    pub fn seed_extra_dialogs(&mut self, user: i64, n: usize) {
        self.chats.retain(|id, _| *id < EXTRA_FIRST_ID);
        self.recount_message_ids();
        let other = if user == 2 { 1 } else { 2 };
        const CONNECTORS: [(&str, &str); 4] = [
            ("telegrambot", "Telegram"),
            ("whatsappbytwilio", "WhatsApp"),
            ("livechat", "Live chat"),
            ("viber", "Viber"),
        ];
        const COLORS: [&str; 6] = [
            "#4ba984", "#58cc47", "#ab7761", "#e8a441", "#6fc8e5", "#8474c8",
        ];
        for i in 0..n as i64 {
            let id = EXTRA_FIRST_ID + i;
            let (connector, source) = CONNECTORS[(i % 4) as usize];
            let name = format!("Client {} ({source})", i + 1);
            let session = id * 100 + 1;
            let mut c = chat(
                id,
                &name,
                user,
                &[user],
                session,
                20,
                false,
                "N",
                connector,
                COLORS[(i % 6) as usize],
            );
            match i % 10 {
                0 => {}
                1 => c.pinned = true,
                2 => c.whisper = "Y".into(),
                3 => c.session_status = 10,
                4 => {
                    c.session_status = 40;
                    c.top_pinned = vec![user];
                }
                5 => {
                    c.session_status = 25;
                    c.pinned = true;
                }
                6 => c.session_status = 50,
                7 => {
                    // Offered from the queue, not yet answered.
                    c.session_status = 0;
                    c.owner = 0;
                    c.operator = 0;
                    c.members.clear();
                    c.recent = vec![user];
                }
                8 => {
                    // Another operator's, with this user in it too.
                    c.owner = other;
                    c.operator = other;
                    c.members = vec![other, user];
                }
                _ => {
                    // Force-closed with this user still a member.
                    c.session_status = 60;
                    c.session_id = 0;
                    c.owner = 0;
                    c.operator = 0;
                }
            }
            // Every fifth queue offer has no message linked yet: a `null` entry.
            let messages = if i % 10 == 7 && (i / 10) % 5 == 0 {
                0
            } else {
                1 + i % 3
            };
            let base = 1_779_500_000 + i * 60;
            for k in 0..messages {
                let author = if k == 1 && c.owner > 0 {
                    c.owner
                } else {
                    900 + id
                };
                let msg = self.next_message_id;
                self.next_message_id += 1;
                c.messages.push(Message {
                    id: msg,
                    author_id: author,
                    date: base + k,
                    body: Body::Text(format!("Message {} of client {}", k + 1, i + 1)),
                });
            }
            self.chats.insert(id, c);
        }
    }

    /// Whether our app has a binding in `placement` that the messenger shows (installed).
    pub fn visible(&self, placement: &str) -> bool {
        self.installed
            && self
                .bindings
                .iter()
                .any(|b| b.app_id == OUR_APP && b.placement == placement)
    }

    /// Whether the current user's messenger navigation shows our `IM_NAVIGATION` item:
    /// installed, bound, and let through by `role`/`extranet` for this user (no chat, so no
    /// `context`), as the page renders it.
    pub fn navigation_visible(&self) -> bool {
        self.apps_in("IM_NAVIGATION", None)
            .iter()
            .any(|a| a["ours"] == json!(true))
    }

    /// The items the messenger shows for `placement` in `chat` to the current user, in binding
    /// order, as the page renders them: an app that is not installed shows nowhere; `context`
    /// is matched against the chat's type in the browser (`AvailabilityManager`), `role` and
    /// `extranet` per user on the server (`Application::checkRole`), docs/bitrix24.md §3.
    pub fn apps_in(&self, placement: &str, chat: Option<&Chat>) -> Vec<Value> {
        let admin = self.user(self.current_user).is_some_and(|u| u.admin);
        let chat_type = match chat {
            Some(c) if c.lines => "lines",
            Some(_) => "chat",
            None => "",
        };
        self.bindings
            .iter()
            .filter(|b| b.placement == placement)
            .filter(|b| b.app_id != OUR_APP || self.installed)
            .filter(|b| {
                let opt = |k: &str| b.options.get(k).and_then(Value::as_str).unwrap_or("");
                let contexts: Vec<String> = opt("context")
                    .split(';')
                    .map(|c| c.trim().to_lowercase())
                    .collect();
                let context_ok = chat_type.is_empty()
                    || opt("context").is_empty()
                    || contexts.iter().any(|c| c == "all" || c == chat_type);
                let role_ok = admin || !opt("role").eq_ignore_ascii_case("ADMIN");
                let extranet_ok = opt("extranet") != "Y";
                context_ok && role_ok && extranet_ok
            })
            .map(|b| {
                let title = b
                    .lang_all
                    .get(&self.lang)
                    .or_else(|| b.lang_all.get("en"))
                    .and_then(|l| l.get("TITLE"))
                    .and_then(Value::as_str)
                    .filter(|t| !t.is_empty())
                    .unwrap_or(&b.title);
                json!({
                    "id": b.id,
                    "ours": b.app_id == OUR_APP,
                    "title": title,
                    "handler": b.handler,
                    "icon": b.options.get("iconName"),
                    "color": b.options.get("color"),
                    "width": b.options.get("width"),
                    "height": b.options.get("height"),
                })
            })
            .collect()
    }
}

const MONTHS_EN: [&str; 12] = [
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
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// (year, month 1-12, day, hour, minute, second) of a unix time, UTC.
pub fn civil(ts: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    // Howard Hinnant's days_from_civil inverse.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        ((secs % 3600) / 60) as u32,
        (secs % 60) as u32,
    )
}

/// ISO 8601 with `+00:00`, as PHP's `date('c')`.
pub fn iso8601(ts: i64) -> String {
    let (y, m, d, hh, mm, ss) = civil(ts);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}+00:00")
}

/// A system or plain message in `lang` (en/ru; others fall back to en).
pub fn render_body(body: &Body, lang: &str) -> String {
    let ru = lang == "ru";
    match body {
        Body::Text(s) => s.clone(),
        Body::System { code, date } => {
            let text = match (*code, ru) {
                ("IMOL_CHAT_ASSIGN_ON", false) => "The conversation is assigned to agent, auto close date moved to #DATE#",
                ("IMOL_CHAT_ASSIGN_ON", true) => "Диалог закреплен за оператором и дата автоматического закрытия перенесена на #DATE#",
                ("IMOL_CHAT_ASSIGN_OFF", false) => "The conversation is unassigned from agent, auto close date set according to the queue rules.",
                ("IMOL_CHAT_ASSIGN_OFF", true) => "Диалог откреплен от оператора и дата автоматического закрытия выставлена по правилам очереди",
                ("IMOL_CHAT_STEALTH_ON", false) => "[b]Whisper mode is on.[/b][br]Your messages will not be visible to your contact.",
                ("IMOL_CHAT_STEALTH_ON", true) => "[b]Включен режим скрытой переписки.[/b][br]Все отправленные сообщения не будут видны внешнему собеседнику.",
                ("IMOL_CHAT_STEALTH_OFF", false) => "[b]Whisper mode is off.[/b][br]Your contact can read your subsequent messages.",
                ("IMOL_CHAT_STEALTH_OFF", true) => "[b]Режим скрытой переписки выключен.[/b][br]Все отправленные сообщения будут видны внешнему собеседнику.",
                (other, _) => other,
            };
            match date {
                // FormatDate('d F', now + 1 week), wrapped in [b]…[/b] (chat.php setPauseFlag).
                Some(ts) => {
                    let (_, m, d, ..) = civil(*ts);
                    let month = if ru {
                        MONTHS_RU[m as usize - 1]
                    } else {
                        MONTHS_EN[m as usize - 1]
                    };
                    text.replace("#DATE#", &format!("[b]{d:02} {month}[/b]"))
                }
                None => text.to_string(),
            }
        }
    }
}

/// The JSON view of the world for `GET /sandbox/state`.
pub fn snapshot(w: &World) -> Value {
    let chats: Vec<Value> = w
        .chats
        .values()
        .map(|c| {
            json!({
                "id": c.id,
                "dialog_id": format!("chat{}", c.id),
                "name": c.name,
                "type": c.chat_type(),
                "pinned": c.pinned,
                "whisper": c.whisper == "Y",
                "entity_data_3": c.whisper,
                "owner": c.owner,
                "operator": c.operator,
                "session_id": c.session_id,
                "session_status": c.session_status,
                "members": c.members,
                "queue_offered_to": c.recent,
                "top_pinned_by": c.top_pinned,
                "can_join": c.can_join,
                "color": c.color,
                "messages": c.messages.iter().map(|m| json!({
                    "id": m.id,
                    "author_id": m.author_id,
                    "system": matches!(m.body, Body::System{..}),
                    "code": match &m.body { Body::System{code, ..} => Value::from(*code), _ => Value::Null },
                    "text": render_body(&m.body, &w.lang),
                    "date": iso8601(m.date),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let token = w.tokens.get(&w.current_token);
    json!({
        "users": users(),
        "current_user": w.current_user,
        "lang": w.lang,
        "chats": chats,
        "app": {
            "installed": w.installed,
            "install_path": w.install_path,
            "bindings": w.bindings.iter().filter(|b| b.app_id == OUR_APP).collect::<Vec<_>>(),
            "sidebar_visible": w.visible("IM_SIDEBAR"),
            "textarea_visible": w.visible("IM_TEXTAREA"),
            "navigation_visible": w.navigation_visible(),
        },
        "messenger": w.messenger,
        "other_apps": {
            "bindings": w.bindings.iter().filter(|b| b.app_id != OUR_APP).collect::<Vec<_>>(),
        },
        "auth": token.map(|t| json!({
            "access_token": t.access,
            "refresh_token": t.refresh,
            "user": t.user,
            "expired": t.expires_at <= Instant::now(),
        })),
        "scenario": {
            "latency_ms": w.scenario.latency_ms,
            "fail_next": {"count": w.scenario.fail_count, "mode": w.scenario.fail_mode},
            "refresh_fails": w.scenario.refresh_fails,
            "too_old": w.scenario.too_old,
        },
        "limiter": {"level": w.bucket, "burst": LIMIT_BURST, "drain_per_s": LIMIT_DRAIN_PER_S},
    })
}
