// Package tokenlog defines an Analyzer that follows credentials to log
// and console output.
//
// # Analyzer tokenlog
//
// tokenlog: credentials flowing into logs, console output and error messages
//
// Access tokens, API keys and passwords end up in logs through debug
// prints, request dumps and %+v of config structs, and logs are shipped
// to places with far weaker access control than the secret store.
// tokenlog follows credential values with data flow on SSA, across
// functions and, through analysis facts, across packages.
//
// Sources are recognised by type and API first (credsrc): the fields of
// *oauth2.Token, oauth2/clientcredentials ClientSecret, credential
// headers read from http.Header (Authorization, Cookie, X-API-Key,
// X-*-Token ...), the whole request header, request cookies, request
// dumps, credential URL parameters, URL user passwords, credential
// environment variables, signed JWTs and presigned object-store URLs
// (aws-sdk-go, minio-go, cloud.google.com/go/storage; presign.go in
// credsrc). Names (credname) are a hint,
// used only for string-like and []byte values: parameters, variables,
// fields and map keys named token, secret, password, apiKey ... The
// value field (Value, Raw, Plain, Plaintext, Val) of a struct type
// named like a credential (APIToken, SigningSecret; not a lexer's bare
// Token) holds the credential whatever it is called.
//
// Use says what a name does not: a struct field the package sends as a
// credential (the value of a credential header, the argument of a
// parameter named as one, as SetBasicAuth's password) is a credential
// field in the whole package (sentfields.go); the content a whole-file
// read returns from a credential's file (tokenFile, token.json, id_rsa)
// is the credential (credfile.go). An ACME challenge's token and key
// authorization are public by design and never sources (acmechal).
//
// Getters: a method Get<F> with no parameters and one string-like
// result, on a struct with a field F, returns that field (the accessor
// protobuf and Thrift generate: GetAccessToken for access_token), and
// is a credential when F is: GetPassword and GetApiKey are,
// GetTokenType and GetExpiresIn are not. The getter's body decides where
// it is known (its summary in the package, its fact from another
// analyzed package, an empty fact for a getter that returns no
// credential); the convention applies to getters of unanalyzed
// packages such as generated protobuf code. A call through an interface
// has no body to follow, and its name is the hint: a method with no
// parameters and one string-like result whose name, less a Get prefix,
// says credential (GetPassword, GetRecoverToken, Secret, APIKey)
// returns one; GetRecoverTokenExpiry, GetPasswordHash and SecretRef do
// not.
//
// Presented credentials: a value compared with a credential (== and !=,
// subtle.ConstantTimeCompare, hmac.Equal) or checked by
// bcrypt.CompareHashAndPassword is a credential presented by a client,
// whatever its name (errors.New("invalid key: " + presented)); it is
// trusted as much as the credential it is compared with. Comparisons
// with a constant say nothing.
//
// Credential types: a named string or []byte type whose name says
// credential (type APIKey string, type Secret []byte) and of which no
// constant is declared (an enumeration such as a lexer's type Token
// string is not) holds a credential. A String method is judged by its
// body: one that returns the secret part of its receiver (the value of
// a string type; the credential fields of a struct, or every string
// field of a struct named like a password, secret or key) shows it, and
// printing the value (%s, %v, .String(), zap.Stringer) leaks it; one
// that returns a constant, a marker such as "[REDACTED]" or a short
// prefix hides it. A struct whose String shows one of its credential
// fields leaks that field whatever the type is called. Across packages a stringLeak fact carries the
// verdict; a String of an unanalyzed package is assumed to hide.
//
// URLs: url.URL and url.Userinfo print their password through String,
// so a URL is not taken to hide what it holds. Its user info made by
// url.UserPassword with a non-literal password, or a URL parsed from a
// string that carries a credential (a DSN formatted with a password),
// leaks it when printed; u.Redacted(), u.Host and a URL without a
// password do not.
//
// Request URLs: a program that reads a credential from a request's query
// (r.FormValue("access_token"), r.URL.Query().Get("token"), gin's
// c.Query, echo's c.QueryParam; not "code" or "state") leaks it when it
// logs a whole request URL: r.URL printed, r.URL.String(),
// r.URL.Redacted() (it keeps the query), r.URL.RequestURI(),
// r.URL.RawQuery or r.RequestURI. The read travels as a package fact
// (queryParams) to the packages that import the reader, so a logging
// middleware is reported for a token parser elsewhere in the program;
// reported as tokenlog/log. The path, host and method are left alone.
//
// HTTP client debug logs: resty's debug mode (Client.SetDebug(true),
// Request.SetDebug(true), Client.Debug = true) writes request headers as
// they are. Debug turned on (by a constant true or a variable) for a
// client or request that carries credentials (SetAuthToken,
// SetBasicAuth, SetDigestAuth, a credential header by SetHeader or
// SetHeaders, cookies, a credential query parameter, on the client or
// its requests) is reported at the switch as tokenlog/log, with the
// setters as related locations. Clients are followed through chained
// setters, variables, struct fields, package variables and functions of
// the package that return one. A client with an OnRequestLog callback
// (where headers are redacted) is left alone. sling and grequests have
// no debug switch.
//
// Token endpoint responses (tokenresp.go): the text of a resty
// Response (String(), Body()) to a request given grant_type (a map,
// url.Values or tagged struct passed to SetBody, SetFormData,
// SetFormDataFromValues, SetQueryParams, or SetQueryParam("grant_type",
// …)) is the OAuth token response, holding access and refresh tokens,
// and so are the bytes io.ReadAll reads from a net/http response to
// http.PostForm, http.Post or Client.Do given url.Values with
// grant_type (the values themselves or their Encode() in a
// strings.NewReader body), whatever the variable is called; read, or
// written to a sink, only on the failing branch of a status test
// (StatusCode() != 200, IsError(), resp.StatusCode != http.StatusOK)
// it is an error body and is left alone.
//
// Sinks are recognised by package path and name: log, log/slog, fmt.Print*
// and fmt.Fprint* to os.Stdout or os.Stderr or to a log's writer
// (gin.DefaultWriter, gin.DefaultErrorWriter, log.Writer(),
// (*log.Logger).Writer(), or a choice between them and the standard
// streams, as an in-house logger that picks the writer by level does),
// go.uber.org/zap,
// github.com/sirupsen/logrus, github.com/rs/zerolog, k8s.io/klog,
// github.com/go-logr/logr, and the in-house loggers given with the
// -loggers flag (importpath.Func or importpath.Type.Method, comma
// separated). A logger none of these name, and whose body is out of
// sight (a dependency, an interface method), is recognised by its shape:
// a level name (Trace, Debug, Info, Warn, Error, Fatal ... with an f, ln,
// w, Depth or To suffix), no result, and a message with its operands
// (format string, args ...any) or operands alone (shapesink.go). A
// function returning something (fmt.Errorf-like constructors, i18n
// lookups) is never a logger by shape. fmt.Errorf and errors.New are
// reported at level note: error strings are usually logged later.
//
// One record written at one of several calls that are alternatives
// whose paths join again (the branches of an if/else, the cases of a
// switch: an outcome choosing the level) is reported once, at the first
// (altsinks.go). The user-id before the first colon of a colon-joined
// credential (Basic's user-id:password, a key-id:secret) is not a
// credential (segments.go); a value stored under a credential's query
// parameter (q.Set("secret", v)) is one.
//
// Flow follows assignments, +, fmt.Sprint*, strings.Builder and
// bytes.Buffer writes, url.Values Set and Add read back by Encode,
// conversions, struct fields, map and slice
// elements, closures and defer; through functions of the package and,
// by facts, of other analyzed packages (a logging wrapper's parameter
// that reaches a sink, a helper whose result is a credential).
//
// Summaries keep what matters to a caller: the fields of a returned
// struct apart (a caller logging cfg.Name of a config that also holds a
// key logs no key), the elements of a variadic or []any parameter one
// by one (a helper log.Error(ctx, msg, kv...) prints its pairs but only
// takes the logger out of its first argument), and the type assertions
// a parameter goes through on the way to the sink (a *http.Request
// handed where the helper asserts *logrus.Entry or string is not
// printed).
//
// Where a flow through a helper is reported (ownsink.go): a log
// wrapper that only hands its parameter on to a sink (a forwarder:
// func debugf(format string, args ...any)) is reported at each call,
// since each caller chose what to log. A helper that does something
// else with its parameter (parses, compares, returns or stores it) and
// also writes it to a sink owns that sink: however many callers of the
// package pass it a credential, there is one finding, at the sink
// inside the helper, whose related information (the SARIF code flow)
// runs from the first caller's source through each call to the sink;
// the message counts the other calls. A helper of another package is
// analysed before its callers and cannot know what they pass, and
// positions do not travel with facts: a flow into another package's
// own-sink helper is reported once per helper sink at the first call
// of the calling package, the other calls counted.
// A credential known only by its name is not reported past one
// function it travels through (maxNamedChain), but the layers of a
// logger that only hand it on (SysError → logHelper → fmt.Fprintf) are
// the logger, and do not count.
//
// Order matters for local structs (structset.go): a local struct
// printed whole before its credential field is set (cfg :=
// Config{Name: n}; log.Printf("%+v", cfg); cfg.Token = t) prints no
// credential and is left alone; set in its literal, on any path before
// the print, or in a loop around it, it is reported. A library's
// defaults (opts := badger.DefaultOptions(""): another package's
// function named for defaults, given only constants) set no credential
// field. A copy whose
// credential field is overwritten with a constant on every path before
// the print (masked := *cfg; masked.Secret = "XXXX") prints the mask,
// and the message names the first credential field that may be set.
// A mask stored in the branch of a test that the field is not empty
// (if len(cfg.Secret) != 0 { masked.Secret = "XXXX" }, tested on the
// copy or on the value it was copied from) counts as on every path: on
// the other path the field is empty (condmask.go).
//
// Fields that print themselves: fmt calls Format, GoString, Error and
// String on the exported fields of a struct it prints whole, and
// encoding/json calls MarshalJSON and MarshalText. A credential field of
// such a type (ClientSecret Secret, with a String that returns
// "[REDACTED]") is not printed; an unexported one is (fmt cannot reach
// its methods), and so is one whose String shows its value or whose
// type has only LogValue (slog resolves the logged value, never its
// fields).
//
// Printers that ignore a type's logging methods (fmthides.go): fmt and
// the log package call only Format, GoString, Error and String. A value
// handed only to them (log.Printf("%+v", creds), fmt.Sprintf) whose type
// hides only through LogValue, MarshalText, MarshalJSON or a zap or
// zerolog marshaler prints its fields, and is judged like a struct
// without a hiding method.
//
// What the encoder writes (jsonenc.go): a value written with
// encoding/json (zerolog Any, Interface and Fields, json.Marshal,
// json.MarshalIndent, json.Encoder.Encode) shows only the fields the
// encoder writes: a credential field tagged `json:"-"`, unexported, or
// under a type with its own MarshalJSON or MarshalText is not printed,
// and a struct is reported only for a credential field JSON shows
// (following pointer fields, which the encoder writes). %v, %+v and %#v
// ignore tags and stay reported.
//
// Parts of a split credential (segments.go): an element of
// strings.Split or SplitN taken at a constant index is followed by
// itself. Element 0 of a split on " " or ":" is the auth-scheme
// ("Bearer"), the user of Basic credentials or a key id, not the
// credential that follows. The base64-decoded header or payload segment of a JWT split
// on "." (element 0 or 1) is the token's header or claims, not the
// token; the signature segment, the whole token and a join of the
// segments stay credentials. In a function that compares one element
// of a split with hmac.Equal or subtle.ConstantTimeCompare (directly or
// decoded), the other elements are the data the MAC covers (the e-mail
// a signed cookie carries), not the credential.
//
// Slices of structs (elemfields.go): slicing keeps the parts of a
// slice of structs apart, so a range over []struct{name, value string}
// reads field.name as the constant label it holds and field.value as
// the credential.
//
// Rules:
//
//   - tokenlog/log: a credential reaches a logger.
//   - tokenlog/print: a credential is printed to stdout or stderr.
//   - tokenlog/print-generated: a credential the printing function
//     generated at random is printed to stdout (note; freshprint.go).
//   - tokenlog/struct: a struct with a credential field and no hiding
//     String, GoString, Format or LogValue method is printed whole.
//   - tokenlog/error: a credential is put into an error message (note),
//     by fmt.Errorf and the like or by a store into a field that an
//     error type's Error method prints (errstore.go). Such an error, and
//     the *url.Error of a request whose URL carries a credential, is
//     followed to the log that writes it (urlerror.go).
//
// Bad:
//
//	func debugf(format string, args ...any) { log.Printf(format, args...) }
//
//	func handler(w http.ResponseWriter, r *http.Request) {
//		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
//		debugf("auth %s", tok) // bearer token from the Authorization header reaches log.Printf via debugf
//	}
//
// Good:
//
//	debugf("auth token of %d bytes, prefix %s", len(tok), tok[:4])
//
// Left alone on purpose: len(tok) and comparisons, hashes (crypto/sha256,
// hmac, bcrypt ...), functions whose name says redact, mask, hash,
// truncate, fingerprint or obfuscate, short prefixes or suffixes
// (tok[:4], tok[:min(len(tok), 6)], tok[max(0, len(tok)-4):], up to 8
// characters), values of types with a Format,
// GoString or LogValue method, or a String method whose body hides the
// secret or is not known (assumed to redact), a token's expiry and
// type, header names, user ids, URLs named tokenURL, operands of %T and
// %p, values named like a credential that a duration or number parser
// takes (time.ParseDuration, strconv.Atoi, or a function of the package
// that hands its string parameter to one and returns a number or
// duration), also when an error echoes the value the parser rejected,
// package variables named like a credential whose value is a
// literal never assigned elsewhere (sample values: hardcodedcred reports
// them where they are written), and writes to http.ResponseWriter and
// other writers (handing a token to its client is the point of a token
// endpoint), and functions that return a string and write nothing
// themselves (translation and message-catalogue calls: x/text's
// Printer.Sprintf, go-i18n's MustLocalize, gettext-style T), whose
// result is judged where it goes. A credential printed to stdout by the
// body of a command-line command (the function, literal or named, stored
// in cobra's Run/RunE or urfave/cli's Action; a named one the package
// also calls directly is a helper too and stays judged, unless every
// such call is in another command's body, an alias; a method stored
// there as a bound method value, the unexported methods only bodies
// call, and function literals made inside a body that serves nothing)
// is the command's output, what its user asked for (a token generator);
// the same command logging it or writing it to stderr is reported.
// Generated files are skipped.
package tokenlog

const doc = `tokenlog: credentials flowing into logs, console output and error messages

tokenlog follows credentials (OAuth2 tokens, Authorization and API-key
headers, cookies, credential environment variables and URL parameters,
signed JWTs, and string values named like a token, secret or password)
with data flow on SSA, across functions and analyzed packages, to log
sinks (log, log/slog, zap, logrus, zerolog, klog, logr, in-house loggers
given with -loggers, and leveled loggers known by their shape: a level
name, no result, a message and its operands), to fmt.Print* on stdout
and stderr, and into error
messages. Structs with a credential field printed whole are reported too.`
