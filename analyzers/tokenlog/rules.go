package tokenlog

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule tokenlog reports. The flagged
// line names a variable, not the secret, so no rule is Sensitive.
var Rules = []finding.Rule{
	{
		ID:    "tokenlog/log",
		Short: "credential reaches a logger",
		Full: "A credential (an access or refresh token, an API key, a password, a client secret, an Authorization or Cookie header, a signed JWT) " +
			"flows into a log call: log, log/slog, zap, logrus, zerolog, klog, logr, a configured in-house logger, or a logger known by its shape (a level name such as `Infof` or `Trace`, no result, a message and its operands; go-kit's key-value `Log(keyvals ...any) error`; `Output(calldepth int, s string) error`, log.Logger's method copied into a library's logger interface; or log.Logger's `Printf` with `Print` or `Println` copied into an interface, such as shoutrrr's `StdLogger`). " +
			"A credential bound to a derived logger (slog and zap `With`, logrus `WithField`, logr `WithValues`, zerolog `With().Str(…).Logger()`) is reported once, at the binding, not again at each record the logger writes. " +
			"Logs are kept for a long time and shipped to systems with far weaker access control than a secret store, so anyone who can read them can use the credential.",
		Help: `A credential flows into a logger. The finding's code flow shows where it was read, each call it went through and the log call.

Where it is reported: a log wrapper that only passes its arguments on (` + "`func debugf(format string, args ...any)`" + `) is reported at each call, since each caller chose what to log. A helper that does something else with its parameter (parses, checks, returns or stores it) and also logs it owns that log call: however many callers pass it a credential, there is one finding, at the log call inside the helper, whose code flow starts at the first caller's source; the message counts the other calls. For such a helper in another package the finding is at the first call of the calling package. A helper that prints a struct with a credential field whole is reported there (tokenlog/struct) whoever calls it, and a caller that fills that struct from a credential adds no second finding.

Parts of a credential that are not the credential: the decoded header and claims of a JWT split on ` + "`\".\"`" + ` (segments 0 and 1; the signature segment, the whole token and a join of the segments are reported), the parts of a split value whose other part is checked with ` + "`hmac.Equal`" + ` or ` + "`subtle.ConstantTimeCompare`" + ` (the e-mail a signed cookie's MAC covers), and the label of a label/value pair in a slice of structs (` + "`{name: \"clientSecret\", value: cfg.ClientSecret}`" + `: ` + "`field.name`" + ` is no credential, ` + "`field.value`" + ` is) are left alone.

**Bad**

` + "```go" + `
tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
slog.Debug("auth", "token", tok)
` + "```" + `

**Good**

` + "```go" + `
slog.Debug("auth", "token_len", len(tok), "token_sha256", fmt.Sprintf("%x", sha256.Sum256([]byte(tok)))[:12])
` + "```" + `

Also reported: values compared with a credential or checked by ` + "`bcrypt.CompareHashAndPassword`" + ` (a presented key in ` + "`errors.New(\"invalid key: \" + k)`" + `), values drawn at random and hashed where they are made (an API key or reset code kept only as its digest, ` + "`raw := \"pk_\" + hex.EncodeToString(b)`" + ` after ` + "`rand.Read(b)`" + ` and ` + "`Hash: digest(raw)`" + `), also in the callers they are returned to, values tested for a secret key's prefix (` + "`strings.HasPrefix(key, \"sk_live_\")`" + `), values a configuration getter reads under a credential's key (` + "`cfg.GetString(\"Token\")`" + `), fields the package sends as a credential whatever they are called (the value of a credential header, an argument for a credential-named parameter of a library, or of the package's own function when it uses the parameter as one rather than only recording it in a log entry or record, the URL of a Slack incoming webhook posted to with slack-go's ` + "`PostWebhook`" + `) and values the function stores into such a field or passes to such a parameter, or stores under a credential's key in a map (` + "`map[string]string{\"api_key\": key}`" + ` written as the response; not generic keys such as ` + "`key`" + `) on the same path, and structs printed whole that hold such a field, the parameter through which a framework's authentication middleware hands its callback the presented credential (the key of echo's ` + "`KeyAuth`" + ` validator, the password of its ` + "`BasicAuth`" + ` validator, fiber's ` + "`keyauth`" + ` and ` + "`basicauth`" + ` callbacks), the value written after a credential's query or fragment parameter in a URL spelled by hand (` + "`base + \"?access_token=\" + t`" + `, ` + "`fmt.Sprintf(\"%s#token=%s\", returnURL, k)`" + `; not generic names such as ` + "`key`" + ` or ` + "`sig`" + `, nor constants), protobuf-style getters of credential fields (` + "`req.GetPassword()`" + `) and credential-named methods called through an interface (` + "`acct.GetRecoverToken()`" + `, ` + "`key.Secret()`" + `), the value field of a credential type (` + "`apiToken.Value`" + `), values of credential types (` + "`type APIKey string`" + `) and types whose ` + "`String`" + ` method returns their secret, URLs whose user info has a password printed whole (use ` + "`u.Redacted()`" + `), whole request URLs (` + "`r.URL.String()`" + `, ` + "`r.URL.Redacted()`" + `, which keeps the query, ` + "`r.RequestURI`" + `, ` + "`r.URL.RawQuery`" + `, and the parsed ` + "`r.URL.Query()`" + ` printed whole) logged or bound to a zerolog logger (` + "`c.Str(k, r.URL.String())`" + ` returned to ` + "`UpdateContext`" + `, or a ` + "`With()`" + ` logger that is returned or stored) by a program that reads a credential from the query (` + "`r.FormValue(\"access_token\")`" + `, ` + "`r.URL.Query().Get(\"token\")`" + `, gin ` + "`c.Query`" + `, echo ` + "`c.QueryParam`" + `, or a helper given the parameter's name, ` + "`QueryParam(r, \"access_token\")`" + `) in the logging package or in an analyzed package it imports (log ` + "`r.URL.Path`" + ` instead; the URL of a request the program built with ` + "`http.NewRequest`" + ` is not one; when every such read of the package sits in an endpoint handler, only the URLs that handler, the functions it calls and middleware log count: other routes never carry the parameter), a request's parsed form (` + "`r.Form`" + `, ` + "`r.PostForm`" + `) logged whole by a package that reads a credential field from request forms (` + "`r.FormValue(\"ssh_password\")`" + `, gin ` + "`c.PostForm(\"password\")`" + `; when every such read sits in an endpoint handler, only that handler's forms, what it calls and middleware count; not a form logged where every such field was tested empty on the way, ` + "`if r.FormValue(\"refresh_token\") == \"\"`" + `), the same query parsed with ` + "`url.ParseQuery`" + ` unless every credential parameter the program reads is masked on it (` + "`Del`" + `, or ` + "`Set`" + ` to a constant), and resty's debug log (` + "`SetDebug(true)`" + `) turned on for a client or request with credentials, reported at the switch, the text of the response to an OAuth token request (a resty or net/http request given ` + "`grant_type`" + `: ` + "`res.String()`" + `, ` + "`res.Body()`" + `, ` + "`io.ReadAll(resp.Body)`" + `, also decoded into a map by ` + "`json.Unmarshal`" + `: the map whole or its credential-named entries, not ` + "`m[\"error\"]`" + `; but not on the failing branch of a status test), gRPC metadata read like request headers (` + "`md.Get(\"authorization\")`" + `, ` + "`md[\"x-api-key\"]`" + `, ` + "`metadata.ValueFromIncomingContext`" + `, and the incoming metadata of ` + "`metadata.FromIncomingContext`" + ` written whole where its redacting ` + "`String`" + ` is not called), database connection strings logged whole (a string named as one: ` + "`DatabaseURL`" + `, ` + "`DATABASE_URL`" + `, ` + "`dsn`" + `, ` + "`mongoURI`" + `, ` + "`connString`" + `, or the ` + "`URL`" + `/` + "`URLs`" + ` field of a struct named for a store whose URLs carry a login, Redis, AMQP, Postgres, MySQL or MongoDB: ` + "`RedisOptions.URLs`" + `; their host or ` + "`url.Redacted`" + ` form is fine), the value a function sets as a credential cookie's value (` + "`http.Cookie{Name: \"session\", Value: v}`" + `: ` + "`v`" + ` in that function), and ` + "`fmt.Fprint*`" + ` to a log's writer (` + "`gin.DefaultWriter`" + `, ` + "`gin.DefaultErrorWriter`" + `, ` + "`log.Writer()`" + `), also through an in-house logger's layers.

The error of a request whose URL carries a credential in its query or path (` + "`http.Get(base + \"?api_key=\" + key)`" + `, ` + "`client.Do(req)`" + ` for a request built with the key in its URL or its ` + "`URL.RawQuery`" + `) is a ` + "`*url.Error`" + ` that holds the URL: logging it, or its ` + "`Error()`" + ` text, where it is made or in a caller it was returned to, as it is or wrapped by ` + "`fmt.Errorf`" + ` or ` + "`github.com/pkg/errors`" + `, writes the credential to the log. Send the credential in a header instead. A credential sent in a header or the body, a user-info password (net/http strips it from the error's URL), and an error the program makes itself are left alone.

Left alone on purpose: a request dump (` + "`httputil.DumpRequestOut`" + `) made after the function masked the dumped request's Authorization header (` + "`Del`" + `, or ` + "`Set`" + ` or a store of a constant value, or a helper of the package given the header map that stores into it and names Authorization; a received request's ` + "`DumpRequest`" + ` needs its Cookie masked too), a copy of a request's headers (` + "`r.Header.Clone()`" + `) on which both Authorization and Cookie are deleted or set to a constant (a copy with only some headers masked is reported), ` + "`len(tok)`" + `, hashes, values passed through functions whose name says redact, mask, hash or truncate (a truncating helper of the program that only bounds a line's length, returning its argument whole when short, hides nothing and is not one) or that return a redaction marker such as ` + "`\"[redacted]\"`" + ` (even when redaction can be turned off), a lexer's tokens built one character at a time or the pieces of a split text (` + "`tokens := strings.Fields(line)`" + `; the pieces of a credential are still reported), short prefixes such as ` + "`tok[:4]`" + ` (of a token, up to twelve characters, also a constant window such as a key's id part ` + "`raw[8:20]`" + `), a chat room's address token (` + "`TalkRoom.Token`" + `) and a parameter its function only compares with fields that hold no credential, types with a redacting ` + "`String`" + ` (judged by its body) or ` + "`LogValue`" + ` method, a token's expiry or type, header names and user ids, access key ids (an access key in a package whose credentials pair it with a secret key, as S3's ` + "`Credential{AccessKey, SecretKey}`" + ` does: the key id, logged by S3 servers themselves; an access key with no secret beside it is the secret and is reported) (also the user-name result of a function whose results name a user and a credential, ` + "`ParseBasicAuth(h) (username, password string, ok bool)`" + `, as with net/http's ` + "`BasicAuth`" + `), operands of ` + "`%T`" + ` and ` + "`%p`" + `, other fields of a struct returned beside a credential (` + "`cfg.Name`" + ` of a config that also holds a key), and package variables named like a credential that only ever hold a literal (hardcodedcred reports those). Add in-house loggers with ` + "`-tokenlog.loggers=importpath.Func,importpath.Type.Method`" + `.`,
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-532"},
		SecuritySeverity: 6.5,
		Precision:        finding.PrecisionHigh,
		CodeFlow:         true,
	},
	{
		ID:    "tokenlog/print",
		Short: "credential printed to stdout or stderr",
		Full: "A credential flows into fmt.Print*, fmt.Fprint* on os.Stdout or os.Stderr, or print/println. " +
			"Console output of services is collected into logs, so the credential is exposed to whoever reads them.",
		Help: `A credential is printed on the console, which services forward to their logs.

**Bad**

` + "```go" + `
fmt.Printf("using api key %s\n", os.Getenv("STRIPE_API_KEY"))
` + "```" + `

**Good**

` + "```go" + `
key := os.Getenv("STRIPE_API_KEY")
fmt.Printf("using api key %s…\n", key[:4])
` + "```" + `

Left alone on purpose: writes to an ` + "`http.ResponseWriter`" + ` or any other writer than os.Stdout and os.Stderr (a token endpoint must send its token), stdout of a command's body (a cobra ` + "`Run`/`RunE`" + ` or urfave/cli ` + "`Action`" + `, or the ` + "`main`" + ` of a main package that does not itself call a ` + "`Listen*`/`Serve*`" + ` function: a key generator's output; also a function called only from command bodies (up to six calls below the body), a method stored as the body (` + "`RunE: c.run`" + `) and an unexported method only bodies call, a function literal made inside a body that serves nothing, a command body built by an adapter such as caddy's ` + "`WrapCommandFuncForCobra`" + ` or a literal an adapter wraps (` + "`Run: cli.WithSignalContext(func…)`" + `), and a helper printing what a body hands it, whatever its other callers; a function a program's own command builder stores as a command's ` + "`Run`" + ` through a literal that calls it, such as doctl's ` + "`cmdBuilderWithInit(cmd, RunAuthToken, \"token\", …)`" + `; a print on one branch of a choice of output format, ` + "`switch format { case \"bare\": … case \"json\": … }`" + `, and an unexported helper called only from such branches), and the sanitized values listed for tokenlog/log.`,
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-532", "CWE-200"},
		SecuritySeverity: 5.5,
		Precision:        finding.PrecisionHigh,
		CodeFlow:         true,
	},
	{
		ID:    "tokenlog/struct",
		Short: "struct with a credential field printed whole",
		Full: "A struct that has a credential field (an *oauth2.Token, an oauth2.Config with its ClientSecret, an *http.Request with its headers, or a string field named like a password, token or secret) " +
			"and no String, GoString, Format or LogValue method that hides it is printed whole with %v or %+v, slog.Any, zap.Any or logrus.WithField, which writes the credential field too.",
		Help: `A struct is printed whole, and one of its fields is a credential.

**Bad**

` + "```go" + `
type DBConfig struct {
	Host     string
	Password string
}

log.Printf("config: %+v", cfg)
` + "```" + `

**Good**

` + "```go" + `
func (c DBConfig) LogValue() slog.Value {
	return slog.GroupValue(slog.String("host", c.Host), slog.String("password", "[redacted]"))
}

slog.Info("config", "db", cfg)
` + "```" + `

Left alone on purpose: types with a String, GoString, Format, LogValue, Error, MarshalLogObject or MarshalZerologObject method (assumed to hide the field; under fmt and the log package only Format, GoString, Error and String count, so a struct whose only redaction is ` + "`LogValue`" + ` is reported under ` + "`log.Printf(\"%+v\")`" + `, and under encoding/json only MarshalJSON and MarshalText), exported credential fields whose own type prints itself that way (` + "`ClientSecret Secret`" + ` with a redacting ` + "`String`" + `), hashes and ciphertexts (` + "`HashedPassword`" + `, ` + "`encryptedKey`" + `), pointer fields (fmt prints an address), fields about a credential that hold none (TokenURL, TokenType, Expiry), operands of ` + "`%T`" + ` and ` + "`%p`" + `, a local struct printed before its credential field is set (` + "`cfg := Config{Name: n}; log.Printf(\"%+v\", cfg); cfg.Token = t`" + `; set in the literal, on any path before the print or in a loop around it, it is reported) or after it was overwritten with a constant on every path (` + "`masked := *cfg; masked.Secret = \"XXXX\"`" + `) or on every path where it is not empty (` + "`if len(cfg.Secret) != 0 { masked.Secret = \"XXXX\" }`" + `), structs handed to a logging helper that only takes its context or logger out of them (` + "`log.Error(r, \"msg\")`" + ` where the helper type-switches its first argument to get the request's context), and, where the struct is written with encoding/json (zerolog ` + "`Any`" + `, ` + "`Interface`" + ` and ` + "`Fields`" + `, ` + "`json.Marshal`" + `, ` + "`json.Encoder`" + `), credential fields the encoder leaves out: tagged ` + "`json:\"-\"`" + ` or unexported (` + "`%v`" + `, ` + "`%+v`" + ` and ` + "`%#v`" + ` ignore tags and are reported).`,
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-532"},
		SecuritySeverity: 5.5,
		Precision:        finding.PrecisionMedium,
		CodeFlow:         true,
	},
	{
		ID:    "tokenlog/print-generated",
		Short: "credential the function generated printed to stdout",
		Full: "A credential that the printing function itself generated at random (through crypto/rand or math/rand, directly or by a generator of any analyzed package) is printed to stdout by fmt.Print*: a one-time password for a setup mode, a reset password shown to the operator. " +
			"That is how it reaches whoever runs the program, so this is a note; where stdout is collected as a log, the credential stays there.",
		Help: `A function generates a credential and prints it to stdout. If the program runs as a service whose console output is kept (journald, docker logs), the credential stays in that log.

**Bad** (in a service)

` + "```go" + `
password := randomString(12)
fmt.Printf("Use this password to log in: %s\n", password)
` + "```" + `

**Good**

` + "```go" + `
password := randomString(12)
if err := os.WriteFile(filepath.Join(dataDir, "initial-password"), []byte(password), 0o600); err != nil {
	return err
}
fmt.Println("The initial password is in", filepath.Join(dataDir, "initial-password"))
` + "```" + `

Showing it once on an interactive terminal, or requiring a change at first use, serves as well.

Not a note but a tokenlog/print warning: the same print in a function that itself calls a ` + "`Listen*`/`Serve*`" + ` function, a credential generated in another function, and any part of the printed value that is not generated there or a constant. Logs and stderr are tokenlog/log and tokenlog/print as before.`,
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-532"},
		SecuritySeverity: 3.5,
		Precision:        finding.PrecisionMedium,
		CodeFlow:         true,
	},
	{
		ID:    "tokenlog/error",
		Short: "credential put into an error message",
		Full: "A credential flows into fmt.Errorf, errors.New or github.com/pkg/errors. Error strings are usually logged or returned to clients later, far from where the credential was read. " +
			"The finding is a note because the error may never be printed. When the function that builds the error also logs or prints it (at once, or after " +
			"collecting it in a slice it ranges over, or its `Error()` text), or returns it to a caller that logs or prints it (wrapped or not), the credential is reported at that log call under tokenlog/log or tokenlog/print; " +
			"so is a credential a caller hands to a helper that puts it in the error it returns (`return \"\", fmt.Errorf(\"no tenant for api key %s\", key)`), when the caller logs that error, unless the helper logs the value itself or the error is made by a deeper helper on a path of its own; " +
			"a logging function that does so with its parameters (go-zero's `logc.Errorf(ctx, format, v...)` logs `fmt.Errorf(format, v...).Error()`) is a logger for its callers.",
		Help: `A credential becomes part of an error message.

**Bad**

` + "```go" + `
return fmt.Errorf("token %q rejected: %w", tok, err)
` + "```" + `

**Good**

` + "```go" + `
return fmt.Errorf("token rejected (len %d): %w", len(tok), err)
` + "```" + `

A helper that parses or checks its parameter and echoes it in its error (` + "`splitAuthHeader(h)`" + ` returning ` + "`fmt.Errorf(\"invalid header %q\", h)`" + `) is reported once, at the error inside it, not at each caller; see tokenlog/log.

Left alone on purpose: the sanitized values listed for tokenlog/log, errors that wrap an error without the credential, and values named like a credential that a duration or number parser rejected (` + "`time.ParseDuration`" + `, ` + "`strconv.Atoi`" + ` or a function of the package that hands its string to one and returns a number or duration) echoed in the error.`,
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-532", "CWE-209"},
		SecuritySeverity: 3.5,
		Precision:        finding.PrecisionMedium,
		CodeFlow:         true,
	},
}
