package tokenlog_test

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"github.com/authvet/authvet/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs every fixture in one load (loading net/http and
// building its SSA is most of the cost): sources, sink families,
// propagation steps, structs printed whole, and the cross-package
// wrappers of wrap, whose summaries reach usewrap only as facts.
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer,
		"sources", "sinks", "flow", "structs", "wrap", "usewrap", "nearmiss", "ctxlog", "usectxlog", "fields")
	// The path of each finding travels in Related, which the driver
	// turns into a SARIF codeFlow: source, each call, sink.
	wantPaths := map[string][]string{
		"token from the X-Auth-Token header reaches log.Printf via logToken": {
			"token from the X-Auth-Token header", "passed to logToken", "written by log.Printf in logToken",
		},
		"bearer token from the Authorization header returned by wrap.AuthHeader reaches log.Printf via wrap.Debugf and wrap.logf": {
			"bearer token from the Authorization header returned by wrap.AuthHeader", "passed to wrap.Debugf", "reaches log.Printf via wrap.Debugf and wrap.logf",
		},
		"bearer token from the Authorization header returned by authHeader reaches log.Print": {
			"bearer token from the Authorization header read in authHeader", "bearer token from the Authorization header returned by authHeader", "reaches log.Print",
		},
	}
	checkPaths(t, results, wantPaths, nil)
}

// checkPaths checks the related information (the code flow) of the
// findings whose message is a key of wantPaths, and that each was
// found; check, if set, is called on each of them.
func checkPaths(t *testing.T, results []*analysistest.Result, wantPaths map[string][]string, check func(r *analysistest.Result, d analysis.Diagnostic)) {
	t.Helper()
	found := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			want, ok := wantPaths[d.Message]
			if !ok {
				continue
			}
			found[d.Message] = true
			var got []string
			for _, rel := range d.Related {
				if !rel.Pos.IsValid() {
					t.Errorf("%s: related location without a position", d.Message)
				}
				got = append(got, rel.Message)
			}
			if strings.Join(got, " | ") != strings.Join(want, " | ") {
				t.Errorf("%s: path\n got %q\nwant %q", d.Message, got, want)
			}
			if check != nil {
				check(r, d)
			}
		}
	}
	for msg := range wantPaths {
		if !found[msg] {
			t.Errorf("no finding %q", msg)
		}
	}
}

func TestInHouseLoggers(t *testing.T) {
	if err := tokenlog.Analyzer.Flags.Set("loggers", "inhouse/obs.Emit,inhouse/obs.Recorder.Record"); err != nil {
		t.Fatal(err)
	}
	defer tokenlog.Analyzer.Flags.Set("loggers", "")
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "inhouse")
}

func TestLoggersFlag(t *testing.T) {
	fs := tokenlog.Analyzer.Flags
	defer fs.Set("loggers", "")
	if err := fs.Set("loggers", "nodots"); err == nil {
		t.Error("-loggers=nodots accepted, want an error")
	}
	if err := fs.Set("loggers", "example.com/x/obs.Logger.Log, example.com/y.Debugf"); err != nil {
		t.Fatal(err)
	}
	if got, want := fs.Lookup("loggers").Value.String(), "example.com/x/obs.Logger.Log,example.com/y.Debugf"; got != want {
		t.Errorf("loggers = %q, want %q", got, want)
	}
}

// TestRules checks that every category the analyzer can emit has valid
// metadata.
func TestRules(t *testing.T) {
	cat, err := finding.NewCatalogue(tokenlog.Rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"log", "print", "struct", "error"} {
		r, ok := cat.Lookup("tokenlog/" + sub)
		if !ok {
			t.Errorf("no rule tokenlog/%s", sub)
			continue
		}
		if r.Sensitive {
			t.Errorf("%s: Sensitive is set, but the flagged line names a variable, not a secret", r.ID)
		}
		if len(r.CWE) == 0 || r.CWE[0] != "CWE-532" {
			t.Errorf("%s: CWE = %v, want CWE-532 first", r.ID, r.CWE)
		}
	}
	if r, _ := cat.Lookup("tokenlog/error"); r.Level != finding.LevelNote {
		t.Errorf("tokenlog/error level = %s, want note", r.Level)
	}
	if len(cat.All()) != len(tokenlog.Rules) {
		t.Errorf("catalogue has %d rules, Rules %d", len(cat.All()), len(tokenlog.Rules))
	}
}

// TestValues: names that say credential, values that say otherwise
// (durations, numbers, file paths, URNs), beside real credentials.
func TestValues(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "values")
}

// TestTranslation: translation and message-catalogue calls (go-i18n's
// Localizer, x/text/message's Printer, gettext-style T) return a string
// and write nothing, so they are not sinks; their result, and the
// error they return, are judged where they go.
func TestTranslation(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "i18nuse")
}

// TestOwnSink: a helper that owns its sink is reported once, at the
// sink, with the first caller's path as the code flow; forwarders at
// each call; another package's own-sink helper once per package.
func TestOwnSink(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "helpersink", "helperlib", "usehelperlib")
	wantPaths := map[string][]string{
		"credentials from the Authorization header is put in an error message by fmt.Errorf in splitAuthHeader, passed by findBasic and 2 other calls": {
			"credentials from the Authorization header", "passed to splitAuthHeader", "reaches fmt.Errorf in splitAuthHeader",
		},
		"API key from the X-API-Key header reaches log.Printf in checkValue, passed by guardA and 1 other call": {
			"API key from the X-API-Key header", "passed to checkValue", "reaches log.Printf in checkValue",
		},
	}
	// The flow starts in the caller and ends at the sink the finding
	// is reported at.
	checkPaths(t, results, wantPaths, func(r *analysistest.Result, d analysis.Diagnostic) {
		pos := r.Pass.Fset.Position
		if first, last := pos(d.Related[0].Pos), pos(d.Related[len(d.Related)-1].Pos); first.Line == pos(d.Pos).Line || last.Line != pos(d.Pos).Line {
			t.Errorf("%s: flow %v … %v, finding at %v", d.Message, first, last, pos(d.Pos))
		}
	})
}

// TestStructOrder: a local struct printed before its credential field
// is set is left alone; after, or set in its literal, it is reported.
func TestStructOrder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "structorder")
}

// TestRejected: command-line values rejected by a parse (the standard
// one or a function of the package that wraps it) are durations or
// numbers; credentials checked otherwise and echoed are still leaks.
func TestRejected(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "rejected")
}

// TestJSONEncoded: values written with encoding/json (zerolog Any and
// Interface, json.Marshal, json.Encoder) leave out fields tagged
// `json:"-"` and unexported ones; %v-style formatting still prints them.
func TestJSONEncoded(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "jsonenc")
}

// TestSegments: the decoded header and claims of a split JWT and the
// data a constant-time-checked MAC covers are not credentials; the
// signature, the whole token, a join and unverified parts are.
func TestSegments(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "segments", "segmentlib", "usesegmentlib")
}

// TestElemFields: a slice of struct literals keeps its fields apart
// through range; the label field of a pair is no credential.
func TestElemFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "elemfields")
}

// TestConstConversion: a package variable converted from a constant
// ([]byte(hdrconst.HeaderAuthorization), a header name from another
// package) holds only that constant; converted from a run-time value it
// is a credential.
func TestConstConversion(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "constconv")
}

// TestCommandOutput: a credential printed to stdout by the body of a
// command-line command (cobra Run/RunE, urfave/cli Action) is the
// command's output; logged, written to stderr, printed by other code or
// by a PreRun hook, it is reported.
func TestCommandOutput(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cliout")
}

// TestTerminalConversation: a function that reads the terminal, or calls
// a function of its package that does, prints to the person there; its
// logs, its stderr and prints elsewhere are reported (cliout.go).
func TestTerminalConversation(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "clitty", "termlibs")
}

// TestCommandDelegate: a function of the package that only command
// bodies call (a delegate, or a delegate's delegate), and a function an
// adapter turns into a command's body, print the command's output; a
// delegate also called from a handler or a hook, used as a value,
// serving, logging or writing to stderr is reported.
func TestCommandDelegate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "clidelegate")
}

// TestCommandRegisteredByMethod: a command body registered by a
// framework's method (kingpin's cmd.Action(fn): a literal, a named
// function or a method value) or stored in ffcli's Exec prints the
// command's output, and so do
// the delegates only it calls; a PreAction hook, a log and a helper
// other code also calls are reported.
func TestCommandRegisteredByMethod(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cliregistered")
}

// TestProgramOutput: the main function of a main package that does not
// serve is a command's body: the secrets it generates and prints to
// stdout are its output (mainout); a log, stderr and a helper are
// reported, and so is a main that prints a token and then serves
// (mainserve).
func TestProgramOutput(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "mainout", "mainserve", "maintable")
}

// TestCookieURL: a cookie value parsed as a URL (a return-to or referer
// cookie) is a location, not a session credential; the cookie itself,
// logged raw or trimmed, and a URL parsed from a password are reported.
func TestCookieURL(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cookieurl")
}

// TestFilePathRef: a value the function opens or reads as a file path
// is a path, whatever credential it was derived from (a "file:"
// reference of a password setting); the credential itself, and a
// derived value that is not opened, are reported.
func TestFilePathRef(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "filepathref")
}

// TestAuthScheme: element 0 of a credential split on a space or a colon
// (the scheme, the Basic user, a key id) is not the credential; the
// element after it, the first of a comma list and the whole value are.
func TestAuthScheme(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "authscheme")
}

// TestEnvTail: an environment variable whose name contains a credential
// word but ends in a word naming another kind of value (a host, an
// address, a file, a timeout) holds no credential; the credential's own
// variables are still reported (review L, flipt).
// TestLongTruncation: a helper named for truncation that only bounds a
// log line (returns its argument whole when short, never cuts to a
// short prefix) hides nothing (longtrunc fixture).
func TestLongTruncation(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "longtrunc")
}

func TestEnvTail(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "envtail")
}

// TestLogWriter: fmt.Fprint* to gin's log writers or the standard
// logger's Writer is a log, through an in-house logger that picks the
// writer by level; to a response, a file or a buffer it is not.
func TestLogWriter(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "logwriter")
}

// TestTokenResponse: the text of a resty response to a request that sets
// grant_type is a token response; other responses, and a token
// response read on its failing branch, are not.
func TestTokenResponse(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "tokenresp", "tokenrespnet", "tokenrespmap")
}

// TestCookieAbout: a cookie named for a location or a preference (by
// the constant it is read with, the parameter or field holding that
// name, or the variable holding the cookie) carries no credential;
// sessions, tokens and cookies known by no name are still reported
// (cookieabout.go).
func TestCookieAbout(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cookieabout")
}

// TestMainRun: a function of package main that main alone calls (the
// run() idiom), handed no text, serving nothing, is the program's body
// too; a helper handed its text, a serving function, a function with
// another caller and a log are still reported (cliout.go).
func TestMainRun(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "mainrun")
}

// TestPresentedIdentity: a value compared with a credential whose name
// says it is an OAuth state, a nonce or an id is not a presented
// credential; one named for nothing or for a token is (presented.go).
func TestPresentedIdentity(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "presentedid")
}

// TestPathHelper: a value a package hands to another package's helper
// that opens it as a file (a string parameter passed, as it is, to
// os.ReadFile, os.Stat, tls.LoadX509KeyPair or a helper that does) is a
// path, not the key its name promises; a parameter also used as
// content, or joined into a path, says nothing (pathparams.go).
func TestPathHelper(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "pathhelper", "usepathhelper")
}

// TestPointerCred: a struct kept in a local whose credential field lies
// behind a pointer field prints the credential once the pointer may be
// set (a parameter from the function's entry, a literal setting it);
// an unset or cleared pointer prints none (structset.go, printedCred).
func TestPointerCred(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "ptrcred")
}

// TestPushToken: a push service's device or registration token
// (PushDeviceToken, apnsToken, fcmRegistrationToken) addresses
// notifications and is no credential; a device access token, the
// provider's APNs auth token and a push secret still are (credname).
func TestPushToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "pushtoken")
}

// TestRedacted: a helper's result for a constant argument that takes
// its redaction branch holds no credential (redactarg.go); a package
// variable only ever assigned constants and non-credential prefixes is
// an identifier, not a credential (constantVars).
func TestRedacted(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "redacted")
}

// TestTokenPrefix: up to twelve characters of a token are an identifier;
// a password's or an API key's prefix, more of a token, or a helper's
// parameter are still reported; a prefix helper given a bound of at
// most eight characters shows an identifier (prefixhelper.go).
func TestTokenPrefix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "tokenprefix")
}

// TestCommandMethod: a method stored as a bound method value in a
// command's body field is the command's body, an unexported method only
// bodies call is its delegate, and a literal made in either prints the
// command's output; hooks, methods also called elsewhere, exported or
// interface-called methods, methods used as values, handler literals,
// literals of a serving body and logs are reported (cliout.go).
func TestCommandMethod(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "climethod")
}

// TestHeaderCopy: the values of a range over a request's headers carry
// its credentials unless the loop leaves out or masks both Authorization
// and Cookie, or picks headers with a predicate (headercopy fixture).
func TestHeaderCopy(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "headercopy")
}

// TestTLSKeyPath: a value handed to the certFile or keyFile parameter
// of net/http's TLS servers (ServeTLS, ListenAndServeTLS, also from a
// goroutine closure) is a file path; key content and the listen
// address are not thereby paths.
func TestTLSKeyPath(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "tlskeypath")
}

// TestRevisionToken: the bare Token field of a type that its package
// holds only as a consistency requirement or revision marker
// (Consistency_AtLeastAsFresh{AtLeastAsFresh *T}), or of a type named a
// consistency, revision or causality token, is no credential; token
// types held under a credential name, and a holder's own token, are.
func TestRevisionToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "revtoken")
}

// TestPushTokens: a push service's device token (firebase messaging's
// Message.Token, collected into a variable of any name, returned and
// received) is an address; a credential beside it, or a variable that may hold one
// or the other, is reported.
func TestPushTokens(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "pushtokens")
}

// TestSecretName: a credential-named field or variable that its package
// files under a "name" key (note["name"] = n.Secret, {"secret_name":
// r.Token}, row{Name: m.APIKey}) holds a secret's name (a plain fact); values filed
// under other keys ("value", "id", a credential-named key) do not.
func TestSecretName(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "secretname")
}

// TestCommandAlias: a named command body that other commands' bodies
// also call (an alias command) prints its command's output; one also
// called from a handler, a hook or a plain function, or that logs, is
// reported.
func TestCommandAlias(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "clialias")
}

// TestCachedPointer: a struct whose fields were written apart keeps them
// apart when a pointer to it is stored (cached = &device) and read back:
// logging the IP beside the key is no leak.
func TestCachedPointer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cachedptr")
}

// TestReplaceMask: strings.ReplaceAll(text, cred, mask) with the very
// credential the text carries removes it; a pattern built around the
// credential, a single replacement, or another value replaced does not.
func TestReplaceMask(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "replacemask")
}

// TestLager: Cloud Foundry's lager logger is a sink, its sessions and
// data carry what they are given; a length or a path is no credential.
func TestLager(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "lagerlog")
}

// TestErrorLoggedHere: an error built from a credential and logged by
// the same function, at once or after collecting it in a slice it ranges
// over, takes the credential to the log (reported at the log call); one
// it returns is reported only where it is built.
func TestErrorLoggedHere(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "errlogged", "errloglib", "useerrloglib")
}

// TestQueueItem: the key a controller takes from its work queue is an
// object's identifier, whatever its name; a key read from configuration
// is still an API key.
func TestQueueItem(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "queuekey")
}

// TestURLError: the error of a request whose URL holds a credential (in
// its query or path) is a *url.Error holding that URL: logged where it
// is made or by a caller it was returned to, wrapped or not, it writes
// the credential to the log. A credential sent in a header or the body,
// an error of the program's own, and a log of the failure without the
// error are left alone.
func TestURLError(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "urlerrlib", "urlerr")
}

// TestAccessKeyPairs: in a package whose credentials pair an access key
// with a secret key (S3's), access keys are key ids and are left alone;
// the secret key is reported, and an access key with no secret beside
// it is the secret.
func TestAccessKeyPairs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "accesspair", "accessalone")
}

// TestLeaseToken: a lock's token, in a lock type or a lock manager's
// method, is a handle of the holding; a session's token is a credential.
func TestLeaseToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "leasetoken")
}

// A library's defaults (opts := store.DefaultOptions("")) printed whole
// hold no credential until the program sets one (structset.go,
// libraryDefaults).
func TestLibraryDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "libdefaults", "libdefaults/store")
}

// A package variable //go:embed fills is a file shipped in the binary:
// printing it (in another package, through a fact) leaks nothing
// (credsrc.Holders, embedded).
func TestEmbeddedVar(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "embedvar", "embedvar/scaffold")
}

// A context token (a mesh proxy's namespace, node and pod) is no
// credential (credname.notCredentialTokens); its neighbour is.
func TestContextToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "contexttoken")
}

// A template filled by a strings.Replacer holds what it puts in; a
// replacer that takes a credential out masks it (replacer.go).
func TestReplacer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "replacer")
}

// TestProducer: the result of a function named for making or fetching a
// credential is one (credsrc.FromProducer), with its near misses.
func TestProducer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "producer")
}

// TestNamedReferences: names that read like credentials but name a
// setting or a reference (allowCredentials, TLSSecret, an annotation
// key naming a Secret) hold none.
func TestNamedReferences(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "namedrefs")
}

// TestHeaderClone: a copy of a request's headers holds their
// credentials, unless both Authorization and Cookie are masked on it.
func TestHeaderClone(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "headerclone")
}

// TestURLParam: a value written after a credential's query or fragment
// parameter in a URL spelled by hand (concatenation or fmt.Sprintf) is a
// credential when the URL is printed; public and generic parameters,
// constant values and URLs never printed are left alone.
func TestURLParam(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "urlparam")
}

// TestAuthCallbacks: the parameter through which echo's KeyAuth and
// BasicAuth middleware hand a validator the presented key or password
// is a credential, for methods, functions and literals handed over
// (authcallback); the user name and functions of the same shape that
// are no validator are not.
func TestAuthCallbacks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "authcallback")
}

// TestMapEntry: a value stored under a credential's key in a map the
// function writes is a credential on that path (mapentry); generic and
// public keys, and other paths, are not.
func TestMapEntry(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "mapentry")
}

// TestSentFieldStruct: a struct printed whole whose field the package
// sends as a credential prints it (sentstruct); a redacting String
// method, or no field sent so, leaves it alone.
func TestSentFieldStruct(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "sentstruct")
}

// TestErrorReturned: a helper that puts its caller's credential in the
// error it returns hands the caller an error holding it; logging that
// error is reported at the log call (errreturn). An error that omits
// the credential, and one only turned into a status, are left alone.
func TestErrorReturned(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "errreturn")
}

// TestMinted: a value drawn at random and hashed where it is made (an
// API key's plaintext, a reset code) is a secret whatever it is called,
// in its function and returned to callers in other packages (minted). A
// random id nobody hashes, a hash of a value not drawn there, and a
// random nonce beside a hash of something else are left alone.
func TestMinted(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "example.com/mintedkeys", "example.com/minted")
}

// TestKeyPrefixed: a value tested for a secret key's prefix (sk_live_,
// sk-) is a secret API key in the error or log that holds it
// (keyprefixed); one tested for a publishable key's prefix, a scheme,
// or a long path that starts like one is not.
func TestKeyPrefixed(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "example.com/keyprefixed")
}

// TestRoomToken: the bare token of a chat room's type is the room's
// address, and a parameter its function only compares with such tokens
// is one too (roomtoken, matterbridge's nctalk bridge); an invite's
// token, and a parameter compared with it, are credentials.
func TestRoomToken(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "example.com/talkroom", "example.com/roomtoken")
}

// TestStdLoggerShape: an interface copying log.Logger's print methods is
// a logger (stdlogger); a concrete Printf and an interface whose print
// methods return a count are not judged so by their shape.
func TestStdLoggerShape(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "example.com/stdlogger")
}

// TestDeepConfig: a secret five structs down a printed configuration is
// found, with fmt and as JSON; lists of Secret objects' names are not
// credentials (deepconfig).
func TestDeepConfig(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "example.com/deepconfig")
}

// TestFormatCase: a credential printed to stdout for one output format a
// setting chose (switch format { case "bare": … }) is a command's
// output; a print after the switch, a switch on something else, logs and
// stderr are reported.
func TestFormatCase(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "fmtcase")
}

// TestCredMap: a map of settings printed whole is reported when the
// package reads a credential from it by key; maps nothing reads a
// credential from, and lookups of other keys, are not.
func TestCredMap(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "credmap")
}

// TestLgr: go-pkgz/lgr's calls are log sinks, unless the package installs
// its secret masker (lgr.Secret; with SetupStdLogger, for the standard
// logger too).
func TestLgr(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "lgrlog", "lgrmasked")
}

// TestSlogWith: slog.With binds its attributes to the default logger it
// returns; emperror.dev/errors wraps as pkg/errors does.
func TestSlogWith(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "slogwith")
}

// TestCmdBuilder: a function a program's own command builder makes a
// command's Run prints its output; one also called directly does not.
func TestCmdBuilder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "cmdbuilder")
}
