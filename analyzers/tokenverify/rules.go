package tokenverify

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule tokenverify reports.
var Rules = []finding.Rule{
	{
		ID:    "tokenverify/unverified",
		Short: "claims of an unverified JWT decide access",
		Full: "A token decoded without verifying its signature ((*jwt.Parser).ParseUnverified in golang-jwt, UnsafeClaimsWithoutVerification in go-jose, jwt.ParseInsecure or jwt.Parse with jwt.WithVerify(false) in jwx, jwt.Parse without jwt.WithVerify or jwt.WithKeySet in jwx v1, ParseNoVerify in cristalhq/jwt, Decode in kataras/jwt) can carry any claims: anyone can write them. " +
			"So can a token golang-jwt parsed with a key function when the error is discarded (`tok, _ := jwt.Parse(raw, keyFunc)`): the library returns the token, claims filled in, even when its signature or expiry check fails; reading `tok.Valid` is the check, and a token the program holds itself (a stored record's) is left alone. " +
			"Using its subject, roles or any other claim in a condition, as the function's result, as the request's identity or, in a request handler, to pick the data it serves or changes (a map index, a lookup of the package given the claim) lets a caller forge who they are.",
		Help: "Claims from `ParseUnverified` are attacker-controlled until the signature is verified.\n\n" +
			"**Bad**\n\n```go\ntok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})\nclaims := tok.Claims.(jwt.MapClaims)\nif claims[\"role\"] == \"admin\" { // forged role\n\tgrantAdmin()\n}\n```\n\n" +
			"**Good**\n\n```go\ntok, err := jwt.Parse(raw, keyFunc, jwt.WithValidMethods([]string{\"RS256\"}))\nif err != nil {\n\treturn err\n}\nclaims := tok.Claims.(jwt.MapClaims)\n```\n\n" +
			"Left alone on purpose: reading routing or freshness claims (`iss`, `kid`, `alg`, `aud`, `tid`, `exp`, `iat`) to pick the key or verifier, " +
			"functions that verify the same token afterwards (a parse with a key function, go-oidc `Verify`, go-jose `Claims` with a key, jwx `Parse` with a key, kataras `Verify`, a `verify…`/`validate…` function given the token, or a function of the package, up to three calls deep, that verifies the token it is handed), " +
			"any claim read in a function that returns the verifier it picks (a value with a method that checks a token), and claims returned beside it that every caller reads only for routing, " +
			"a client that reads the token it holds (the unverified audience is the address it connects to), " +
			"logging, tokens taken from an `oauth2.Token` (received directly from the token endpoint over TLS), " +
			"and a token the process reads from a file (`os.ReadFile`, or `io.ReadAll` of a file it opened, also handed to a checker of the package every call of which passes such a token: its own mounted service-account or web-identity token).",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-347"},
		SecuritySeverity: 9.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "tokenverify/alg",
		Short: "jwt key function lets the token choose its algorithm",
		Full: "golang-jwt verifies a token with the algorithm named in its own header. A key function that returns an HMAC ([]byte) key without checking token.Method, " +
			"in a parse without jwt.WithValidMethods, lets the attacker pick how that key is used; jwt.SigningMethodNone and jwt.UnsafeAllowNoneSignatureType make unsigned tokens sign or verify.",
		Help: "Pin the accepted algorithms, either in the parser or in the key function.\n\n" +
			"**Bad**\n\n```go\njwt.Parse(raw, func(t *jwt.Token) (any, error) {\n\treturn []byte(secret), nil\n})\n```\n\n" +
			"**Good**\n\n```go\njwt.Parse(raw, func(t *jwt.Token) (any, error) {\n\tif _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {\n\t\treturn nil, fmt.Errorf(\"unexpected alg %v\", t.Header[\"alg\"])\n\t}\n\treturn []byte(secret), nil\n}, jwt.WithValidMethods([]string{\"HS256\"}))\n```\n\n" +
			"Left alone on purpose: key functions that return only typed asymmetric keys (`*rsa.PublicKey`, `*ecdsa.PublicKey`, `ed25519.PublicKey`), " +
			"because golang-jwt rejects a key of the wrong type for the header's algorithm (HS* takes exactly `[]byte`, so even an `ed25519.PublicKey` is refused), so the classic RS256→HS256 confusion is not exploitable there; " +
			"parsers and options built where they cannot be seen (a parser field the package never sets, options from an interface with no implementation in the package): " +
			"a field or interface whose every visible construction lacks the check is still reported; " +
			"the other libraries, whose algorithm is fixed by the key or the call (go-jose, jwx `jwt.WithKey`, cristalhq's verifier, kataras `Verify`, go-kit's `NewParser` method); " +
			"key functions that look at `token.Method` or `token.Header[\"alg\"]` in any way or hand the token to a JWKS library; a parse whose returned token has its `Method` (or `Method.Alg()`, `Header[\"alg\"]`) asserted, switched on or compared in the same function; parsers built with `jwt.WithValidMethods` " +
			"or `Parser{ValidMethods: …}`; comparisons that reject `jwt.SigningMethodNone`.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-347", "CWE-327"},
		SecuritySeverity: 7.4,
		Precision:        finding.PrecisionMedium,
	},
	{
		ID:    "tokenverify/no-expiry",
		Short: "jwt accepted or minted without an expiry",
		Full: "jwt.WithoutClaimsValidation, Parser{SkipClaimsValidation: true}, jwx's jwt.WithValidate(false) and a jwx v1 jwt.Parse without jwt.WithValidate(true) accept expired tokens, and so do go-jose claims " +
			"verified with (*jwt.JSONWebToken).Claims but never given to Claims.Validate (go-jose checks the signature only). golang-jwt treats exp as optional, " +
			"so a token minted with jwt.NewWithClaims from claims without exp (MapClaims) or ExpiresAt (RegisteredClaims, StandardClaims, custom claims embedding them) stays valid for ever once leaked.",
		Help: "Give every token a short lifetime and keep the expiry check on.\n\n" +
			"**Bad**\n\n```go\ntok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{\"sub\": user.ID})\n```\n\n" +
			"**Good**\n\n```go\ntok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{\n\tSubject:   user.ID,\n\tExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),\n})\n```\n\n" +
			"Left alone on purpose: functions named for accepting expired tokens (`ClaimsFromExpiredToken`, `parseLicenseUncheckedExpiry`, `decodeIgnoringExpiry`), whose callers chose them by that name and decide what an expired token may do; " +
			"functions that check the token's freshness themselves by comparing its `iat` with the current time (a DPoP proof, RFC 9449, has no exp: " +
			"its verifier compares iat with time.Now within a window and remembers jti), and a proof minted with `htm`, `htu` and `iat` claims; go-jose claims handed to another function or returned (validated elsewhere); " +
			"a jwx decode that switches the signature check off as well (`jwt.WithVerify(false)`: a peek, whose claims are trusted for nothing and whose use `tokenverify/unverified` judges); a jwx token parsed with validation off and then given to jwt.Validate, or handed on, returned or stored in a package that calls jwt.Validate; " +
			"claims built outside the function (parameters, helper calls, package variables), claims whose expiry is set after the literal " +
			"(`claims[\"exp\"] = …`, `claims.ExpiresAt = …`) or by a helper given `&claims`, and custom claims types that implement the Claims interface themselves.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-613"},
		SecuritySeverity: 5.4,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "tokenverify/oidc",
		Short: "go-oidc verifier with a check switched off",
		Full: "oidc.Config{InsecureSkipSignatureCheck: true} accepts forged ID tokens; SkipExpiryCheck accepts expired ones; SkipIssuerCheck and SkipClientIDCheck accept tokens " +
			"issued by another provider or to another client, which lets a token obtained by any app log in to this one.",
		Help: "Keep every go-oidc check on outside tests.\n\n" +
			"**Bad**\n\n```go\nverifier := provider.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: true})\n```\n\n" +
			"**Good**\n\n```go\nverifier := provider.Verifier(&oidc.Config{ClientID: id})\n```\n\n" +
			"Left alone on purpose: test-support code (`_test.go`, testutil and mock packages, functions taking `*testing.T`); " +
			"`SkipClientIDCheck` and `SkipIssuerCheck` in a package that checks the audience or issuer itself " +
			"(reads `IDToken.Audience`/`Issuer`, or an `aud`/`iss` claim); switches set from a non-constant value (a configuration flag), " +
			"or set to true only under an `if` on a setting that names the opt-in (`if cfg.SkipVerification { oc.SkipIssuerCheck = true }`; " +
			"insecure, skip, verify, dev, debug, test …); " +
			"what the specifications relax: `SkipExpiryCheck` and `SkipClientIDCheck` on a verifier of an `id_token_hint` (OIDC Core 3.1.2.1), " +
			"`SkipClientIDCheck` on a verifier built on the program's own key set (a server checking tokens it issued to any of its clients), " +
			"and any switch on a verifier whose verified token is thrown away (a parse that only guesses the token type). " +
			"A verifier stored in a struct field is judged by the Verify calls on that field anywhere in the package (an id_token_hint verifier kept in a field and used by the logout endpoint). " +
			"An exported option named for the skip (`WithSkipExpiryCheck()` returning the function that sets the field) that its own package's production code never uses is reported where another package calls it, not where it is written.",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-295", "CWE-347"},
		SecuritySeverity: 8.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "tokenverify/audience",
		Short: "token of an identity provider accepted without an audience check",
		Full: "An identity provider signs tokens for every application it serves with the same keys and issuer. A verification that checks the signature, expiry and issuer but not the audience " +
			"accepts a token the provider issued to any other application, so an app that collects its users' ID tokens can sign in to this one as them. Reported: " +
			"google.golang.org/api/idtoken's Validate with an empty audience (which skips the check); a golang-jwt v4/v5, jwx or go-jose verification that pins the issuer of a public identity provider " +
			"(Google, Apple, Microsoft Entra, GitHub Actions, GitLab, Facebook) and checks no audience; a verification that checks no audience while another one of the same package, " +
			"of tokens from the same issuer or under the same key, does; and an OpenID Connect token verified with keys fetched from the identity provider at run time (a JWKS library, or an HTTP request from a function named for keys) " +
			"in code named for OIDC or ID tokens, with no audience check in the function or, when it returns the claims, in its caller (across packages too).",
		Help: "Check that the token was issued to this application.\n\n" +
			"**Bad**\n\n```go\npayload, err := idtoken.Validate(ctx, raw, \"\")\n```\n\n" +
			"**Good**\n\n```go\npayload, err := idtoken.Validate(ctx, raw, cfg.GoogleClientID)\n```\n\n" +
			"Left alone on purpose: functions that read the audience themselves (a field or method named Audience, an `aud` claim), directly or in a function of the package they call " +
			"(an empty audience followed by a comparison of `Payload.Audience` with a list of the app's client ids); verifications whose options or parser are built elsewhere; " +
			"issuers of the program's own or of a private identity provider when no verification of the package checks an audience of its tokens (first-party tokens often carry none); " +
			"test-support code; go-oidc, which checks the client id unless `SkipClientIDCheck` is set (the oidc rule).",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-287", "CWE-345"},
		SecuritySeverity: 8.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "tokenverify/compare",
		Short: "credential compared in variable time",
		Full: "Comparing an API key, token, password or HMAC with ==, !=, bytes.Equal, strings.EqualFold or strings.Compare stops at the first differing byte, " +
			"so the response time tells an attacker how much of a guess is right. Use subtle.ConstantTimeCompare or hmac.Equal. " +
			"A credential the caller supplies compared with a secret-looking string literal (`token == \"secret-admin-token\"`) is reported too: the credential is fixed in the source. " +
			"So is a signature the caller sends compared with a digest the program computes over data that holds a secret it keeps (`sign != md5(apiKey + ts + path + apiSecret)`): a MAC, though no name says so; " +
			"an HMAC counts when a helper computes it, in the package or in another one (`sig == codec.HmacBase64(key, body)`); " +
			"the request is read from net/http, gin, echo, fiber, macaron, beego, iris, hertz, fasthttp or GoFrame; " +
			"a credential-named path parameter (`r.PathValue(\"token\")`, httprouter's `ps.ByName(\"secret\")`) is one the caller supplies.",
		Help: "Compare secrets in constant time.\n\n" +
			"**Bad**\n\n```go\nif r.Header.Get(\"X-API-Key\") != s.apiKey {\n\thttp.Error(w, \"forbidden\", http.StatusForbidden)\n}\n```\n\n" +
			"**Good**\n\n```go\nif subtle.ConstantTimeCompare([]byte(r.Header.Get(\"X-API-Key\")), []byte(s.apiKey)) != 1 {\n\thttp.Error(w, \"forbidden\", http.StatusForbidden)\n}\n```\n\n" +
			"A value the caller sends, compared with one the program holds and refused with 401 or 403 on a mismatch (`!=`, `!strings.EqualFold`, `!bytes.Equal`, `strings.Compare(…) != 0`; the refusal may be echo's or fiber's `ErrUnauthorized`), is a credential whatever it is called, unless a side is named for an identity (an id, a user, a client id, an OAuth state or nonce, a subject, a tenant or organisation).\n\n" +
			"Left alone on purpose: comparisons with a constant that is no secret (`token == \"\"`, `scheme == \"Bearer\"`, placeholders such as `\"changeme\"` or `\"<your-key>\"`, sentinels made of such words (`\"invalid-token\"`), token types, URLs, values under 8 characters), values that are not credentials by type or name (token types, schemes, prefixes), access key ids matched in a package whose credentials pair an access key with a secret key (S3's `Credential{AccessKey, SecretKey}`), " +
			"a password and its confirmation or an old and a new one, hashes (bcrypt, SHA-256 of a key, also computed by a helper of the package or of another package, or hex- or base64-encoded: `stored.KeyHash != hashKey(key)`; a MAC is no hash), a digest the program computes of what the caller presents against a value it keeps (`utils.Md5sum(pass) != upload.Password`), OAuth state and preference cookies, a client comparing its own cached OAuth2 tokens, and two HMACs the program computes (the double-HMAC comparison: `hmac(k, presented) == hmac(k, stored)`). " +
			"Only authentication decisions count: a comparison whose result guards nothing (bookkeeping such as dropping a revoked client's connections, a test's got/want check) is silent, " +
			"as is a record compared with the very value it was looked up by (`WHERE token = ?` then `app.Token == token`: the lookup already leaked whatever there was), " +
			"and a value compared with what a function makes of it alone (`RedactAPIKey(key) != key`, `strings.TrimSpace(tok) != tok`: a check of its form, no held secret on either side). " +
			"So is a field compared with a value the program stores into it after the comparison, in the same function or in a caller that stores the value returned (`t.lastICECredential != cred`, then `t.lastICECredential = cred`): the field holds what was presented before, and the comparison asks whether it changed. " +
			"When only names say \"credential\", one side must be supplied by the caller (the request, a parameter) and the other a stored or configured secret " +
			"(a field, a package variable, a getter, a key captured from a middleware constructor, a setting read by a key that names a secret: `viper.GetString(\"auth.token\")`, " +
			"a method on a config-key constant such as `config.ServiceTestingtoken.GetString()`, whose key is constant but whose value is read at run time): " +
			"a parser's token matched against a list of placeholders, or against a setting that is no secret (a public URL, a region), is left alone. " +
			"A local variable is judged by where its value comes from before its name: `token := r.Header.Get(\"Authorization\")` is the Authorization header, and a variable decoded from the request (`json.NewDecoder(r.Body).Decode(&req)`) is the caller's. " +
			"Two values the program holds itself are no authentication, whatever their names or sources: a cached token and the token this program attached to its own call, " +
			"a configured key and an environment variable (held: constants, package and environment variables, untagged fields of the receiver, getters, " +
			"and parameters of unexported functions whose every caller passes such a value; a getter of another package through a fact), " +
			"and a setting compared with a parameter every call of the package passes that very setting (`appSecret != cfg.Huawei.AppSecret` in `GetClient(cfg, cfg.Huawei.AppID, cfg.Huawei.AppSecret)`: is the cached client stale?). " +
			"Nor is the password of a client library's connection settings (go-redis' `Options.Password` from `ParseURL`, a driver's `…Config`, a parsed URL's user info) compared with anything but the request: " +
			"it is the password the program sends, checked against another setting for consistency. " +
			"A MAC the program computes over the request's body is the program's, not the caller's.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-208"},
		SecuritySeverity: 5.9,
		Precision:        finding.PrecisionMedium,
	},
	{
		ID:    "tokenverify/state",
		Short: "oauth2 flow without a csrf state check",
		Full: "The OAuth2 state parameter binds the authorization response to the browser that started the flow. A constant state passed to AuthCodeURL, " +
			"a state read from the request that starts the flow (whoever sends it chooses it), or a callback that exchanges the code without comparing the returned state with the one it stored, lets an attacker log a victim in to the attacker's account (login CSRF).",
		Help: "Generate a random state per flow, store it in a cookie or the session, and compare it in the callback.\n\n" +
			"**Bad**\n\n```go\nhttp.Redirect(w, r, conf.AuthCodeURL(\"state\"), http.StatusFound)\n// callback\ntok, err := conf.Exchange(ctx, r.URL.Query().Get(\"code\"))\n```\n\n" +
			"**Good**\n\n```go\nstate := rand.Text()\nhttp.SetCookie(w, &http.Cookie{Name: \"oauthstate\", Value: state, HttpOnly: true, Secure: true})\nhttp.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)\n// callback\nc, err := r.Cookie(\"oauthstate\")\nif err != nil || r.URL.Query().Get(\"state\") != c.Value {\n\thttp.Error(w, \"bad state\", http.StatusBadRequest)\n\treturn\n}\n```\n\n" +
			"Left alone on purpose: flows using PKCE (`oauth2.S256ChallengeOption`, `oauth2.VerifierOption`), which RFC 9700 accepts as CSRF protection; " +
			"exchanges whose code is not read from the request in the same function; a constant state in a package that reads no authorization response from a request " +
			"(a command-line tool printing the URL and reading the code the user pastes: no callback to forge a response to); callbacks that use the state in a comparison, a lookup or a call, " +
			"or call a function named like a state check; connector and plug-in callbacks (a method, not an HTTP handler, implementing an " +
			"interface method of its package or an import), which the framework calls after its own state check.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-352"},
		SecuritySeverity: 6.5,
		Precision:        finding.PrecisionMedium,
	},
}
