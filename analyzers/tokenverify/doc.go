// Package tokenverify defines an analyzer that finds tokens accepted
// without real verification.
//
// # Analyzer tokenverify
//
// tokenverify: report JWTs, ID tokens, API keys and OAuth2 flows accepted without real verification
//
// It reports seven rules, matched by the types of the libraries of the
// project's one JWT/OIDC table (analyzers/internal/jwtlib): golang-jwt
// (v3, v4, v5, and its predecessors dgrijalva/jwt-go and
// form3tech-oss/jwt-go), go-jose (gopkg.in/square/go-jose.v2,
// go-jose/go-jose v3, v4), lestrrat-go/jwx (v2, v3), cristalhq/jwt
// (v3–v5), kataras/jwt, go-kit's auth/jwt, go-oidc (v2, v3), and
// golang.org/x/oauth2:
//
//   - tokenverify/unverified: claims of a token decoded without
//     verification ((*jwt.Parser).ParseUnverified, go-jose
//     UnsafeClaimsWithoutVerification, jwx jwt.ParseInsecure or
//     jwt.Parse with jwt.WithVerify(false), cristalhq ParseNoVerify,
//     kataras Decode) used for a decision (a condition, the function's
//     result, the request identity), when the function does not go on
//     to verify the token. Claims decoded into a variable
//     (json.Unmarshal, DecodeClaims, a getter into a pointer) are
//     followed. Reading iss, kid, alg or exp to route or refresh a token
//     is left alone, as are tokens a client got from the token endpoint,
//     claims read by a function that returns the verifier they pick
//     (pickverifier.go), and a client connecting to the unverified
//     audience of the token it holds (clientaud.go).
//   - tokenverify/alg: a key function that can return an HMAC ([]byte)
//     key, never looks at token.Method, and whose parse sets no
//     jwt.WithValidMethods; any use of jwt.SigningMethodNone or
//     jwt.UnsafeAllowNoneSignatureType to sign or accept tokens. Key
//     functions returning only typed asymmetric keys are left alone:
//     golang-jwt refuses a key of the wrong type for the header's
//     algorithm (HS* takes exactly []byte, so ed25519.PublicKey is
//     refused too); a key from a map of interface values counts as
//     []byte when the package puts one in it. A parser held in a field
//     or options returned by an interface method are followed to the
//     package's constructions; when none is visible the verdict is
//     unknown and nothing is reported. The other libraries fix the
//     algorithm by the key or the call, so the rule is golang-jwt's.
//   - tokenverify/no-expiry: jwt.WithoutClaimsValidation,
//     Parser{SkipClaimsValidation: true}, jwx jwt.WithValidate(false),
//     go-jose claims verified with (*jwt.JSONWebToken).Claims and never
//     validated in the function (nor handed on), and jwt.NewWithClaims
//     from claims built in the function without exp / ExpiresAt (or
//     jwt.New whose Claims field is then assigned such claims). A
//     function that compares the token's iat with the current time
//     checks freshness itself (a DPoP proof, RFC 9449) and is left
//     alone (fresh.go), as is a proof minted with htm, htu and iat.
//   - tokenverify/oidc: oidc.Config{InsecureSkipSignatureCheck,
//     SkipExpiryCheck, SkipIssuerCheck, SkipClientIDCheck: true} outside
//     test-support code. The issuer and client id switches are left alone
//     when the package checks the issuer or audience itself, and the
//     relaxations the specifications allow are left alone too (an
//     id_token_hint, the program's own key set, a token thrown away;
//     see oidcuse.go). A verifier stored in a struct field is judged by
//     the Verify calls on that field anywhere in the package.
//   - tokenverify/audience: a token of an identity provider verified
//     without an audience check (audience.go): idtoken.Validate with an
//     empty audience; a golang-jwt v5, jwx or go-jose verification that
//     pins the issuer of a public identity provider (Google, Apple,
//     Microsoft Entra, GitHub Actions, GitLab, Facebook) and checks no
//     audience; one that checks no audience while another of the package,
//     of tokens from the same issuer or under the same key, checks one.
//     Functions that read the audience themselves are left alone.
//   - tokenverify/compare: a credential (identified by credsrc: request
//     headers, oauth2 tokens, secret environment variables, credential
//     names) or an HMAC compared with ==, !=, bytes.Equal,
//     strings.EqualFold or strings.Compare against a non-constant value
//     or a secret-looking string literal (a backdoor token; literal.go),
//     when the comparison is an authentication decision: its result is
//     returned or stored, or guards a branch that returns, fails the
//     request or records an error. Comparisons with "" or "Bearer", a
//     password with its confirmation, and bcrypt are left alone, as are
//     bookkeeping comparisons (closing a revoked client's connections),
//     a field compared with a value the program then stores into it
//     (the value presented before: a change check; remember.go),
//     a record compared with the value it was just looked up by
//     (WHERE token = ? then app.Token == token), and, when only names
//     say "credential", comparisons that do not set a caller-supplied
//     value (request, parameter) against a stored or configured secret
//     (field, package variable, getter, captured configuration, a
//     setting read by a constant key that names a secret: viper-style
//     GetString("auth.token") or a method on a config-key constant,
//     config.ServiceTestingtoken.GetString(), whose key is constant and
//     whose value is not). A local variable is judged by its source
//     before its name (token := r.Header.Get("Authorization") is the
//     header, typed, not a name-only "token"). A value the caller
//     presents (the function's own parameter named like a credential
//     or a one-time code, a part of one split, a hash decoded from the
//     client's message) compared with a stored one (what a store or
//     cache returns, a receiver's field, a reference parameter) is
//     reported too, each side judged by the definitions that reach the
//     compare (presented.go).
//   - tokenverify/state: (*oauth2.Config).AuthCodeURL with a constant
//     state, and a callback that exchanges the request's code without
//     comparing the request's state with anything. Flows using PKCE are
//     left alone.
//
// Bad:
//
//	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
//		return []byte(secret), nil // any HS* accepted, the header decides
//	})
//
// Good:
//
//	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
//		return []byte(secret), nil
//	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
package tokenverify

const doc = `report JWTs, ID tokens, API keys and OAuth2 flows accepted without real verification

tokenverify reports ParseUnverified claims used for decisions
(tokenverify/unverified), key functions open to algorithm confusion and the
none algorithm (tokenverify/alg), tokens that never expire
(tokenverify/no-expiry), go-oidc verifiers with checks switched off
(tokenverify/oidc), credentials compared in variable time
(tokenverify/compare) and OAuth2 flows without a CSRF state
(tokenverify/state).`
