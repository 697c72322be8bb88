// Package credname decides whether an identifier, map key or header
// name says that it holds a credential. It is the one list of credential
// names that every authvet analyzer shares (hardcodedcred, tokenlog,
// scopecheck, tokenverify), so that they agree on what a credential is.
//
// A name is a hint, never a verdict: analyzers combine it with types and
// values. The test is on the name's last meaningful word, so that
// "accessToken" and "db_password" hold credentials while "tokenURL",
// "secretName", "KeyID", "passwordField" and "apiKeyHeader" are about
// credentials but hold none.
package credname

import (
	"strings"

	"github.com/authvet/authvet/internal/namewords"
)

// Kind is what sort of credential a name says a value is.
type Kind string

// Kinds of credential, used in messages.
const (
	None         Kind = ""
	Token        Kind = "token"
	Password     Kind = "password"
	APIKey       Kind = "API key"
	ClientSecret Kind = "client secret"
	PrivateKey   Kind = "private key"
	Secret       Kind = "secret"
	Credential   Kind = "credential"
)

// extra holds words added at run time by Add (e.g. from an analyzer flag).
var extra = map[string]Kind{}

// Add teaches the package an extra credential word (lower case, one
// word, such as "sessionid"). It must be called before analysis starts,
// typically from an analyzer flag's Set method; it is not safe for
// concurrent use with the classifiers.
func Add(word string, k Kind) {
	word = strings.ToLower(strings.TrimSpace(word))
	if word != "" {
		extra[word] = k
	}
}

// headWords are words that on their own, as the last word of a name, say
// the value is a credential.
var headWords = map[string]Kind{
	"token":         Token,
	"tokens":        Token,
	"accesstoken":   Token,
	"refreshtoken":  Token,
	"idtoken":       Token,
	"bearer":        Token,
	"jwt":           Token,
	"pat":           Token,
	"secret":        Secret,
	"secrets":       Secret,
	"clientsecret":  ClientSecret,
	"password":      Password,
	"passwd":        Password,
	"pwd":           Password,
	"pw":            Password, // pw, userPw, db_pw; a pipe writer is no string
	"passphrase":    Password,
	"apikey":        APIKey,
	"apikeys":       APIKey,
	"credential":    Credential,
	"credentials":   Credential,
	"creds":         Credential,
	"cred":          Credential,
	"authorization": Credential,
	"privatekey":    PrivateKey,
	"signingkey":    Secret,
	"secretkey":     Secret,
	"accesskey":     APIKey,
	"hmackey":       Secret,
	"masterkey":     Secret,
	"encryptionkey": Secret,
	"sessionkey":    Secret,
	"webhooksecret": Secret,
	// A session or auth cookie's value is the session itself
	// (nuclio's IguazioSessionCookie), not the cookie's name.
	"sessioncookie": Credential,
	"authcookie":    Credential,
	// A pepper is the secret added to every password before it is
	// hashed (unlike a salt, it is not stored beside the hash).
	"pepper": Secret,
	// One-time passwords and codes (see IsOneTimeCode): a login or
	// verification code is a password for as long as it is valid.
	"otp":      Password,
	"ott":      Password,
	"totp":     Password,
	"passcode": Password,
}

// keyQualifiers make a following "key" a credential: apiKey, privateKey,
// signing_key, secretKey. A bare "key" is not enough: map keys, cache
// keys and sort keys are everywhere.
var keyQualifiers = map[string]Kind{
	"api":          APIKey,
	"access":       APIKey,
	"private":      PrivateKey,
	"priv":         PrivateKey,
	"secret":       Secret,
	"signing":      Secret,
	"sign":         Secret,
	"hmac":         Secret,
	"master":       Secret,
	"encryption":   Secret,
	"session":      Secret,
	"client":       APIKey,
	"license":      APIKey,
	"subscription": APIKey,
	"auth":         APIKey,
	"jwt":          Secret,
	"app":          APIKey,
	"service":      APIKey,
}

// annotationKey reports whether name is a prefixed key of a
// Kubernetes annotation or label ("nginx.ingress.kubernetes.io/auth-secret"):
// a DNS-style prefix, a slash, a name. Such a key configures something;
// nginx's auth-secret is the name of a Secret, not a secret.
func annotationKey(name string) bool {
	prefix, rest, ok := strings.Cut(name, "/")
	return ok && rest != "" && !strings.Contains(rest, "/") && strings.Contains(prefix, ".") &&
		!strings.ContainsAny(prefix, " :")
}

// keyVendors are API providers whose keys are called after them: a
// GoogleKey, mapboxKey or STRIPE_KEY is that provider's API key. Only
// providers that hand out keys (not words that name what a key looks
// up: a userKey, objectKey or redisKey is a lookup key).
var keyVendors = map[string]bool{
	"google": true, "gmaps": true, "maps": true, "youtube": true, "gemini": true,
	"openai": true, "anthropic": true, "claude": true, "cohere": true, "mistral": true,
	"groq": true, "deepl": true, "elevenlabs": true, "replicate": true, "huggingface": true,
	"stripe": true, "sendgrid": true, "mailgun": true, "mailchimp": true, "mandrill": true,
	"postmark": true, "mapbox": true, "tomtom": true, "bing": true, "algolia": true,
	"pinecone": true, "giphy": true, "tmdb": true, "omdb": true, "openweather": true,
	"openweathermap": true, "newsapi": true, "serpapi": true, "pagerduty": true,
	"datadog": true, "newrelic": true, "honeycomb": true, "vimeo": true,
	"twilio": true, "vonage": true, "nexmo": true, "plaid": true, "shodan": true,
	"virustotal": true, "ipinfo": true, "ipstack": true, "geoapify": true, "opencage": true,
}

// passQualifiers make a following "pass" a password: BasicAuthPass,
// smtpPass, dbPass, userPass, ldap_bind_pass. A bare "pass" is not
// enough: compiler and render passes, pass counts and pass-through
// flags are called that too (firstPass, passCount, passThrough).
var passQualifiers = map[string]bool{
	"auth": true, "basic": true, "user": true, "username": true, "login": true, "account": true,
	"admin": true, "root": true, "bind": true, "db": true, "database": true, "sql": true,
	"mysql": true, "postgres": true, "pg": true, "mongo": true, "redis": true, "ldap": true,
	"smtp": true, "mail": true, "email": true, "imap": true, "ftp": true, "sftp": true,
	"ssh": true, "proxy": true, "sasl": true, "rtsp": true, "camera": true,
}

// notCredentialTokens are words that, before "token", make it a cursor or
// a lexer token rather than a credential.
var notCredentialTokens = map[string]bool{
	"page": true, "next": true, "prev": true, "previous": true, "continuation": true,
	"cursor": true, "sync": true, "resume": true, "paging": true, "pagination": true,
	// A delta token is a sync cursor (Microsoft Graph's delta query,
	// a change feed's position): nextDeltaToken, deltaToken.
	"delta": true,
	"lexer": true, "parser": true, "syntax": true, "cancel": true, "cancellation": true,
	// Optimistic-concurrency and history tokens are serialized versions
	// and identifiers handed back to any caller: conflictToken,
	// concurrencyToken, branchToken, idempotencyToken.
	"conflict": true, "concurrency": true, "branch": true, "idempotency": true,
	// A version token is an entity tag by another name: the version a
	// writer read, sent back to detect a concurrent change.
	"version": true,
	// An asynchronous request's handle, returned by the API that
	// started the work and sent back to poll for its result (a query
	// service's requestToken, a pollToken); an OAuth 1 request token is
	// a temporary credential the protocol itself puts in the URL.
	"request": true, "poll": true, "polling": true,
	// A context token describes where a caller runs, for routing: a
	// service mesh proxy's namespace, node and pod (linkerd's
	// Destination API takes it from every proxy and logs it). A
	// security context token (WS-SecureConversation) is a credential:
	// kindToken says so.
	"context": true,
}

// kindToken reports whether words w, ending in "token", name a token of
// a kind that is no credential (notCredentialTokens), the word before
// "token" at n-2.
func kindToken(w []string) bool {
	n := len(w)
	if n < 2 || !notCredentialTokens[w[n-2]] {
		return false
	}
	return !(w[n-2] == "context" && n >= 3 && w[n-3] == "security")
}

// TokenKindFunc reports whether a function's name says its token is a
// kind that is no credential: the last word is "token" (or "tokens")
// and the word before it is one of notCredentialTokens
// (validateConflictToken, parsePageToken, nextContinuationToken).
func TokenKindFunc(fn string) bool {
	w := Words(fn)
	n := len(w)
	return n >= 2 && (w[n-1] == "token" || w[n-1] == "tokens") && kindToken(w)
}

// CursorParam reports whether a parameter named param of a function
// named fn is a cursor, a version or an identifier rather than a
// credential because the function's name says what the parameter's
// bare name leaves open: param is the single word "token" (or
// "tokens") and TokenKindFunc(fn) (validateConflictToken(token),
// decodePageToken(token)). A qualified parameter name decides by
// itself (validatePageToken(accessToken) is a credential), and so does
// any other function (validateToken(token)).
func CursorParam(fn, param string) bool {
	pw := Words(param)
	if len(pw) != 1 || (pw[0] != "token" && pw[0] != "tokens") {
		return false
	}
	return TokenKindFunc(fn)
}

// cursorOwnerWords name a type whose bare "token" field is a cursor:
// Pagination{size, token}, ListCursor{Token}, ContinuationState{Token},
// Lexer{token}. The words are those of notCredentialTokens that name
// no other kind of thing; "page" (a web page's data may hold a CSRF or
// session token), "next", "sync" and "cancel" are left out.
var cursorOwnerWords = map[string]bool{
	"pagination": true, "paginator": true, "paging": true, "cursor": true,
	"continuation": true, "lexer": true, "parser": true,
	// A consistency, revision or causality token is an encoded
	// position in a datastore's history ("read at least as fresh as
	// this"), handed back to any caller: ConsistencyToken{Token},
	// RevisionToken{Token}.
	"consistency": true, "revision": true, "causality": true,
}

// consistencyWords name a consistency requirement or a revision.
var consistencyWords = map[string]bool{"consistency": true, "revision": true, "causality": true}

// ConsistencyHolder reports whether a field named field, declared in a
// struct type named holder, that holds a value of another struct type
// says that type is a consistency or revision marker: a word of the
// field's name is consistency, revision or causality (Read.AtRevision),
// or a word of the holder's name is and the field is the holder's only
// one (only), so that the holder is a mere wrapper of the marker (the
// oneof case Consistency_AtLeastAsFresh{AtLeastAsFresh}). A field with
// a credential name is never one (Revision.Auth holds a credential),
// nor is a field of a revision-named type that holds more
// (Revision{Number, Session}).
func ConsistencyHolder(holder, field string, only bool) bool {
	if Classify(field) != None {
		return false
	}
	names := []string{field}
	if only {
		names = append(names, holder)
	}
	for _, n := range names {
		for _, w := range Words(n) {
			if consistencyWords[w] {
				return true
			}
		}
	}
	return false
}

// CursorField reports whether a field named field, declared in a struct
// type named owner, is a cursor rather than a credential because the
// type's name says what the field's bare name leaves open: field is the
// single word "token" (or "tokens") and a word of owner names a
// pagination cursor or a lexer (Pagination.token is a pagination
// token, as paginationToken is). A qualified field name decides by
// itself (Pagination.AccessToken is a credential), and so does any
// other owner (Session.Token, Client.token).
func CursorField(owner, field string) bool {
	fw := Words(field)
	if len(fw) != 1 || (fw[0] != "token" && fw[0] != "tokens") {
		return false
	}
	for _, w := range Words(owner) {
		if cursorOwnerWords[w] {
			return true
		}
	}
	return false
}

// pushServices name push-notification services, whose device tokens
// are addresses.
var pushServices = map[string]bool{"push": true, "apns": true, "fcm": true, "gcm": true}

// pushAddress reports whether the words before "token" name a push
// service's device token: the service, optionally followed by "device"
// or "registration" (push, pushDevice, apnsDevice, fcmRegistration).
func pushAddress(w []string) bool {
	n := len(w)
	if n >= 1 && pushServices[w[n-1]] {
		return true
	}
	return n >= 2 && (w[n-1] == "device" || w[n-1] == "registration") && pushServices[w[n-2]]
}

// qualifierTails may follow a credential word without changing what the
// value is: privateKeyPEM, tokenValue, apiKeyStr, passwordBytes.
var qualifierTails = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "bytes": true,
	"b64": true, "base64": true, "hex": true, "raw": true, "pem": true,
	"der": true, "plain": true, "plaintext": true, "data": true,
}

// Words splits an identifier into lower-case words at case changes,
// digits-to-letters changes and separators: "clientSecretV2" → [client
// secret v2], "X-API-Key" → [x api key], "APIKey" → [api key].
func Words(name string) []string { return namewords.Split(name) }

// Classify reports what kind of credential a name says its value is, or
// None. The verdict rests on the last word that is not a harmless
// qualifier (see the package doc).
func Classify(name string) Kind {
	if annotationKey(name) {
		return None
	}
	w := headOf(name)
	if len(w) == 0 {
		return None
	}
	last := w[len(w)-1]
	if len(w) >= 2 && (last == "credentials" || last == "credential") && (w[len(w)-2] == "allow" || w[len(w)-2] == "with") {
		// CORS's Access-Control-Allow-Credentials and fetch's
		// withCredentials say whether a request may carry
		// credentials; they hold none (allowCredentialsStr).
		return None
	}
	if (last == "secret" || last == "secrets") && len(w) >= 2 && w[len(w)-2] == "tls" {
		// A TLS secret is the Kubernetes Secret that holds a
		// certificate and its key: an ingress's TLSSecret is that
		// Secret's name (nuclio's IngressConfig.TLSSecret).
		return None
	}
	if k, ok := extra[last]; ok {
		return k
	}
	if (last == "token" || last == "tokens") && kindToken(w) {
		// Pagination and sync cursors are called tokens too, and are
		// handed to any caller: nextPageToken, continuationToken.
		return None
	}
	if (last == "secret" || last == "secrets") && len(w) >= 2 && w[len(w)-2] == "pull" {
		// Kubernetes image pull secrets are references: the names of
		// Secrets a pod reads registry credentials from
		// (ImagePullSecrets, RepoSyncImagePullSecrets).
		return None
	}
	if (last == "token" || last == "tokens") && pushAddress(w[:len(w)-1]) {
		// A push service's device or registration token addresses
		// notifications to a device; it authenticates no one
		// (PushDeviceToken, apnsToken, fcmRegistrationToken).
		return None
	}
	if len(w) >= 2 {
		if k, ok := headWords[w[len(w)-2]+last]; ok {
			return k
		}
	}
	if k, ok := headWords[last]; ok {
		if last == "pat" && !personalAccessToken(name, w) {
			return None
		}
		return k
	}
	if last == "pass" && len(w) >= 2 && passQualifiers[w[len(w)-2]] {
		return Password
	}
	if last == "key" || last == "keys" {
		if len(w) >= 2 {
			if k, ok := keyQualifiers[w[len(w)-2]]; ok {
				return k
			}
			if keyVendors[w[len(w)-2]] {
				return APIKey
			}
		}
		return None
	}
	// Joined forms: "apikey" split as one word is handled above; also
	// accept compounds a lower-case name hides, e.g. "clientsecret".
	joined := strings.Join(w, "")
	for _, suffix := range []string{"clientsecret", "accesstoken", "refreshtoken", "apikey", "privatekey", "password", "secretkey"} {
		if strings.HasSuffix(joined, suffix) && len(w) == 1 {
			return headWords[suffix]
		}
	}
	if k, ok := extra[joined]; ok {
		return k
	}
	if strings.HasSuffix(joined, "dockerconfigjson") || strings.HasSuffix(joined, "dockercfg") {
		// A Docker config.json (a Kubernetes Secret's .dockerconfigjson),
		// whose auths hold registry credentials.
		return Credential
	}
	return None
}

// patIssuers are words that, before "pat", say it is a personal access
// token of a code forge or registry: github_pat, gitlabPat, ado_pat.
var patIssuers = map[string]bool{
	"github": true, "gh": true, "gitlab": true, "gl": true, "gitea": true, "forgejo": true,
	"codeberg": true, "bitbucket": true, "azure": true, "ado": true, "devops": true,
	"hf": true, "huggingface": true, "docker": true, "dockerhub": true, "npm": true,
	"atlassian": true, "jira": true, "confluence": true, "personal": true, "access": true,
}

// personalAccessToken reports whether a name whose last word is "pat"
// names a personal access token rather than a pattern or a path
// (rwPat, hostPat, urlPat, pat). The abbreviation is an initialism, so
// Go and environment-variable spelling write it in capitals (githubPAT,
// GITHUB_PAT, GitLabPAT); written as a word ("rwPat", "host_pat", a
// lone "pat") it is the common abbreviation of pattern, unless the word
// before it names who issues personal access tokens (github_pat,
// ghPat) or says what it is (personal_pat, accessPat).
func personalAccessToken(name string, w []string) bool {
	if len(w) >= 2 && patIssuers[w[len(w)-2]] {
		return true
	}
	if len(w) < 2 {
		return false
	}
	// The last "pat" word as spelled in name: upper case throughout?
	i := strings.LastIndex(strings.ToLower(name), "pat")
	if i < 0 {
		return false
	}
	return name[i:i+3] == "PAT"
}

// headOf returns the words of name's head phrase without harmless
// trailing qualifiers ("privateKeyPEM" → [private key]), keeping at
// least one word.
func headOf(name string) []string {
	w := headPhrase(Words(name))
	for len(w) > 1 && qualifierTails[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return w
}

// prepositions end a name's head phrase: in "GetIDForToken",
// "userFromToken" or "expiryOfSecret" the value is the ID, the user or
// the expiry; the words after the preposition name what it belongs to.
var prepositions = map[string]bool{"for": true, "of": true, "by": true, "from": true, "per": true}

// headPhrase returns the words before the first preposition that
// follows at least one word and is followed by one ("tokenForUser" keeps
// "token", "GetIDForToken" keeps "get id").
func headPhrase(w []string) []string {
	for i := 1; i < len(w)-1; i++ {
		if prepositions[w[i]] {
			return w[:i]
		}
	}
	return w
}

// hashWords say a value is a hash, digest or ciphertext of a credential
// rather than the credential: hashedPassword, PasswordHash, tokenDigest,
// encryptedKey, bcryptSecret.
var hashWords = map[string]bool{
	"hash": true, "hashed": true, "hashes": true, "digest": true, "checksum": true,
	"bcrypt": true, "argon2": true, "scrypt": true, "pbkdf2": true, "salted": true,
	"encrypted": true, "sealed": true, "ciphertext": true,
}

// Hashed reports whether a name says its value is a hash, digest or
// ciphertext (a word of hashWords anywhere in it): such a value is no
// plaintext credential, whatever else the name says.
func Hashed(name string) bool {
	for _, w := range Words(name) {
		if hashWords[w] {
			return true
		}
	}
	return false
}

// HashOfCredential reports whether a name for a hash says it hashes a
// credential: the words other than the hash words name one (PassHash,
// tokenHash, hashedPassword, SecretDigest), or there are none (hash,
// Digest). The hash of something else (KeyExpressionHash,
// contentHash, EvaluatedKeyHash) is not.
func HashOfCredential(name string) bool {
	var rest []string
	for _, w := range Words(name) {
		if !hashWords[w] {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return true
	}
	switch rest[len(rest)-1] {
	case "pass", "pw", "pwd", "passwd", "pin", "passphrase":
		return true
	}
	return Classify(strings.Join(rest, "_")) != None || IsOneTimeCode(strings.Join(rest, "_"))
}

// codeQualifiers make a following "code" a one-time code: otpCode,
// verificationCode, login_code, mfaCode. A bare "code" is not enough:
// status, error, country and language codes are everywhere, and an OAuth
// authorization code is known by its API.
var codeQualifiers = map[string]bool{
	"otp": true, "ott": true, "totp": true, "mfa": true, "twofa": true, "2fa": true,
	"verification": true, "verify": true, "confirmation": true, "confirm": true,
	"login": true, "signin": true, "security": true, "sms": true, "recovery": true,
	"backup": true, "onetime": true, "pass": true,
}

// IsOneTimeCode reports whether name says its value is a one-time
// password or code: otp, ott, totp, passcode, or a code qualified as one
// (verificationCode, otp_code, loginCode, oneTimeCode, recoveryCode).
func IsOneTimeCode(name string) bool {
	w := headOf(name)
	if len(w) == 0 {
		return false
	}
	switch last := w[len(w)-1]; last {
	case "otp", "ott", "totp", "passcode":
		return true
	case "code", "codes":
		if len(w) >= 2 {
			if codeQualifiers[w[len(w)-2]] {
				return true
			}
			if len(w) >= 3 && w[len(w)-3] == "one" && w[len(w)-2] == "time" {
				return true
			}
		}
	}
	return false
}

// IsCredential reports whether name says its value is a credential.
func IsCredential(name string) bool { return Classify(name) != None }

// IsCredentialHeader reports whether an HTTP header name carries a
// credential: Authorization, Proxy-Authorization, Cookie, Set-Cookie,
// X-API-Key, X-Auth-Token, Api-Key and any X-*-API-Key or X-*-Token.
func IsCredentialHeader(name string) bool {
	h := strings.ToLower(strings.TrimSpace(name))
	switch h {
	case "authorization", "proxy-authorization", "cookie", "set-cookie",
		"x-api-key", "x-auth-token", "api-key", "apikey", "x-apikey",
		"x-access-token", "x-token", "private-token", "x-secret":
		return true
	}
	// A custom header, with the X- prefix or without it (RFC 6648
	// retired the prefix: DD-API-KEY, Circle-Token, linx-server's
	// Linx-Delete-Key), whose last word names a credential. Standard
	// headers that end so name no credential (Sec-WebSocket-Key, the
	// handshake's nonce).
	if !strings.Contains(h, "-") {
		return false
	}
	if strings.HasSuffix(h, "-api-key") || strings.HasSuffix(h, "-apikey") || strings.HasSuffix(h, "-token") || strings.HasSuffix(h, "-secret") {
		return true
	}
	if strings.HasSuffix(h, "-key") {
		// X-Merchant-Key, X-Bot-Key, X-Hook-Key: a custom header whose
		// last word is "key" carries the caller's key, unless another
		// word says what kind of key that is not a credential.
		for _, w := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(h, "x-"), "-key"), "-") {
			if nonCredentialKeyWords[w] {
				return false
			}
		}
		return true
	}
	return false
}

// nonCredentialKeyWords qualify a header's "key" as something other than
// a credential: an idempotency or deduplication key, a cache, partition,
// routing or sort key, a public key, a trace or correlation key, an event
// key (Bitbucket's X-Event-Key names the event, "repo:push").
var nonCredentialKeyWords = map[string]bool{
	"idempotency": true, "idempotent": true, "dedup": true, "deduplication": true, "cache": true,
	"partition": true, "routing": true, "sort": true, "public": true, "trace": true, "correlation": true,
	"request": true, "lock": true, "object": true, "encryption": true, "signing": true, "key": true,
	"event": true, "sec": true, "websocket": true,
}

// IsCredentialParam reports whether a URL query or form parameter name
// carries a credential.
//
// The words of a compound name may be joined by "_", "-" or a change of
// case: access_token, access-token, accessToken and AccessToken are one
// parameter to the programs that read them.
func IsCredentialParam(name string) bool {
	switch strings.ToLower(name) {
	case "key", "token", "password", "secret", "auth", "sig", "signature":
		return true
	}
	switch strings.Join(Words(name), "") {
	case "apikey", "accesstoken", "clientsecret", "refreshtoken", "idtoken", "authtoken":
		return true
	}
	return false
}

// IsCredentialEnvVar reports whether an environment variable name says it
// holds a credential: it contains TOKEN, SECRET, PASSWORD, PASSWD,
// API_KEY, APIKEY, PRIVATE_KEY or CREDENTIAL, its last word does not
// name another kind of value (envAboutTails), no word of it makes it a
// switch (envSwitchWords), and it is written as an environment variable
// is (no dot, space, slash or colon).
func IsCredentialEnvVar(name string) bool {
	n := strings.ToUpper(name)
	if strings.ContainsAny(n, ". /:") {
		// A dotted or spaced key (password.outcome, a tracing
		// attribute) is no environment variable: Classify judges it.
		return false
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == '_' || r == '-' }) {
		if envSwitchWords[w] {
			// UNSAFE_DISABLE_PASSWORD_PROJECTION, SKIP_TOKEN_CHECK:
			// a switch about a credential feature.
			return false
		}
	}
	for _, w := range []string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL", "ACCESS_KEY"} {
		if strings.Contains(n, w) {
			last := n[strings.LastIndexAny(n, "_-")+1:]
			return !envAboutTails[last]
		}
	}
	return false
}

// envSwitchWords in an environment variable's name say it turns a
// feature on or off rather than holding a value of it.
var envSwitchWords = map[string]bool{
	"DISABLE": true, "DISABLED": true, "ENABLE": true, "SKIP": true, "ALLOW": true,
	"REQUIRE": true, "REQUIRED": true, "FORCE": true, "USE": true, "NO": true, "UNSAFE": true,
}

// envAboutTails are last words of an environment variable name that say
// the value is about a credential or its service and holds none: where
// it is (TOKEN_URL, SECRET_MANAGER_EMULATOR_HOST, VAULT_TOKEN_FILE,
// systemd's CREDENTIALS_DIRECTORY), what
// it is called or which kind it is (SECRET_NAME, TOKEN_TYPE), and how it
// is handled (TOKEN_TTL, PASSWORD_RESET_TIMEOUT, API_KEY_HEADER). As for
// identifiers, the last word decides.
var envAboutTails = map[string]bool{
	"URL": true, "URI": true, "ENDPOINT": true, "HOST": true, "HOSTNAME": true,
	"ADDR": true, "ADDRESS": true, "PORT": true, "FILE": true, "PATH": true,
	"DIR": true, "DIRECTORY": true, "FOLDER": true, "FILES": true, "NAME": true, "ID": true, "TYPE": true, "HEADER": true,
	"TTL": true, "EXPIRY": true, "TIMEOUT": true, "REGION": true, "ENABLED": true,
	"ISSUER": true, "AUDIENCE": true,
}

// AccessKeyName reports whether name is an access key's: accessKey,
// AccessKey, access_key, ACCESS_KEY (with no other words before "access"
// than a provider's, such as s3AccessKey or awsAccessKey). In an
// access key and secret key pair (S3 and its clones, AWS, Alibaba,
// Qiniu, MinIO) the access key is the public half, the key id that
// names whose secret signs the request; alone, it may be the secret
// itself (an Azure storage access key). Callers decide by the pair.
func AccessKeyName(name string) bool {
	if SecretKeyName(name) {
		return false // secretAccessKey
	}
	w := Words(name)
	if n := len(w); n >= 2 && w[n-2] == "access" && w[n-1] == "key" {
		return true
	}
	return len(w) >= 1 && w[len(w)-1] == "accesskey"
}

// SecretKeyName reports whether name is the secret half of an access key
// pair: SecretKey, secretAccessKey, AccessKeySecret, AccessSecret.
func SecretKeyName(name string) bool {
	w := Words(name)
	n := len(w)
	switch {
	case n >= 2 && w[n-2] == "secret" && w[n-1] == "key",
		n >= 3 && w[n-3] == "secret" && w[n-2] == "access" && w[n-1] == "key",
		n >= 2 && w[n-2] == "access" && w[n-1] == "secret",
		n >= 3 && w[n-3] == "access" && w[n-2] == "key" && w[n-1] == "secret":
		return true
	}
	return n >= 1 && (w[n-1] == "secretkey" || w[n-1] == "secretaccesskey")
}

// leaseWords name a lock or a lease, or the acts on one.
var leaseWords = map[string]bool{"lock": true, "locks": true, "unlock": true, "lease": true, "leases": true, "locker": true}

// LeaseToken reports whether a value named name, in a context named
// context (the struct type that declares the field, or a function's
// receiver type and name), is the token of a lock or lease: the handle
// a lock service hands its holder to renew or release the holding
// (Lock{Token}, LockRequest{RenewToken}, (*LockManager).Unlock(path,
// token)). name is the bare "token" or a lock word and "token"
// (renewToken, lockToken, leaseToken, fencingToken); context holds a
// lock or lease word. Such a token opens no account.
func LeaseToken(context, name string) bool {
	w := Words(name)
	switch {
	case len(w) == 1 && w[0] == "token":
	case len(w) == 2 && w[1] == "token" && (w[0] == "renew" || w[0] == "lock" || w[0] == "lease" || w[0] == "fencing"):
	default:
		return false
	}
	cws := Words(context)
	if n := len(cws); n > 0 && (cws[n-1] == "token" || cws[n-1] == "tokens") {
		// A token type named for a lease (LeaseToken{Token}) holds
		// the token's value, which its holder's name judges
		// (Consistency_Lease{LeaseSecret *LeaseToken}).
		return false
	}
	for _, cw := range cws {
		if leaseWords[cw] {
			return true
		}
	}
	return false
}

// roomWords name a chat room or conversation.
var roomWords = map[string]bool{"room": true, "rooms": true, "conversation": true, "conversations": true, "chatroom": true}

// RoomToken reports whether a value named name, declared by a type named
// context, is the token that addresses a chat room or conversation:
// Nextcloud Talk's TalkRoom{Token}, the conversation's id that its URL
// carries (https://cloud.example.com/call/<token>). The bare "token" of
// a type whose last word is a room's says which token it is; a type
// named for the token itself (RoomToken, a join token) holds a
// credential and is judged by its name.
func RoomToken(context, name string) bool {
	w := Words(name)
	if len(w) != 1 || w[0] != "token" {
		return false
	}
	cws := Words(context)
	return len(cws) > 0 && roomWords[cws[len(cws)-1]]
}

// secretRefWords may come before "secrets" in the name of a list of
// Secret objects' names: the pod's image pull secrets, a registry's.
var secretRefWords = map[string]bool{
	"pod": true, "image": true, "pull": true, "registry": true, "docker": true, "tls": true,
	"k8s": true, "kube": true, "kubernetes": true, "ref": true, "refs": true, "mounted": true,
}

// SecretNameList reports whether name, given to a list of strings, names
// a list of Secret objects by their names: "podSecrets",
// "imagePullSecrets" (keel's getPodImagePullSecrets, filled from
// pod.Spec.ImagePullSecrets[i].Name). In a list the plural names the
// objects, as Kubernetes code refers to them; a list qualified as a
// credential's (jwtSecrets, clientSecrets) holds values and is judged
// by its name.
func SecretNameList(name string) bool {
	w := Words(name)
	if len(w) < 2 || w[len(w)-1] != "secrets" {
		// A bare "secrets" list may hold values (a command's
		// --secret KEY=VALUE pairs): credsrc judges it by the struct
		// that holds it (a Namespace beside it).
		return false
	}
	for _, x := range w[:len(w)-1] {
		if !secretRefWords[x] {
			return false
		}
	}
	return true
}
