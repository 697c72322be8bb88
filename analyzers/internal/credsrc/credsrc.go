// Package credsrc decides whether a value in a Go program is a
// credential, and describes where it came from ("bearer token from the
// Authorization header"). It is shared by the analyzers that follow
// credentials: tokenlog (credentials reaching logs) and tokenverify
// (credentials compared in variable time).
//
// The decision rests first on types and well-known APIs, matched by
// package path and name so that the callee's syntax is never needed:
//
//   - *oauth2.Token fields AccessToken and RefreshToken, and
//     Token.Extra("id_token");
//   - oauth2.Config.ClientSecret and clientcredentials.Config.ClientSecret;
//   - http.Header Get/Values/Get-by-index of credential headers
//     (Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-API-Key,
//     X-Auth-Token, X-*-API-Key, X-*-Token, see credname.IsCredentialHeader),
//     the whole request header (Request.Header), Request.Cookies, Cookie,
//     BasicAuth, FormValue and PostFormValue of credential parameters;
//   - httputil.DumpRequest and DumpRequestOut results;
//   - url.Values Get of access_token, api_key, token, code, client_secret
//     and the other credential parameters of credname.IsCredentialParam;
//   - (*url.Userinfo).Password;
//   - os.Getenv and os.LookupEnv of credential variables
//     (credname.IsCredentialEnvVar);
//   - JWT strings: tokens minted by a JWT library (jwtlib.Mint: golang-jwt
//     SignedString, go-jose CompactSerialize, jwx Sign) and the Token.Raw field of
//     github.com/golang-jwt/jwt (v4, v5) and its predecessors.
//
// Names are a hint only, and only for string-like and []byte values:
// parameters, package variables, struct fields and constant map keys
// named like a credential (credname.Classify). "tokenURL", "tokenType",
// "tokenExpiry", counts, booleans and times are never credentials.
//
// Source describes a credential; the functions From* recognise one at
// three levels: a types.Func call (FromCallee), an SSA value (FromValue)
// and a type-checked expression (FromExpr), so that analyzers with and
// without SSA agree. CarrierField says whether a struct printed whole
// exposes a credential field.
package credsrc

import (
	"fmt"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"unicode"

	"github.com/authvet/authvet/analyzers/internal/acmechal"
	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/ssa"
)

// Source describes a credential value.
type Source struct {
	// Kind is the sort of credential (token, password, API key ...).
	Kind credname.Kind
	// Desc says what the value is and where it came from, in lower case,
	// ready for a message: "bearer token from the Authorization header",
	// "password in parameter dbPassword". It never holds the value.
	Desc string
	// Typed is true when the value was recognised by type or API and
	// false when only its name says it is a credential. Analyzers may
	// trust typed sources more.
	Typed bool
	// InError is true when the value is an error that holds the
	// credential: the *url.Error of a request whose URL carries it. Such
	// an error is followed as a credential is; other errors end flows.
	InError bool
}

func (s Source) String() string { return s.Desc }

// Well-known package paths.
const (
	pkgHTTP        = "net/http"
	pkgHTTPUtil    = "net/http/httputil"
	pkgURL         = "net/url"
	pkgOS          = "os"
	pkgOAuth2      = "golang.org/x/oauth2"
	pkgClientCreds = "golang.org/x/oauth2/clientcredentials"
	pkgStrings     = "strings"
	pkgBytes       = "bytes"
	headerTypeName = "Header"
	// net/textproto's MIMEHeader is the header map of protocols built
	// like HTTP on net/textproto (RTSP, SIP, a project's own HTTP
	// parser): its Authorization is a credential the same way.
	pkgTextproto       = "net/textproto"
	mimeHeaderTypeName = "MIMEHeader"
	requestTypeName    = "Request"
)

// urlCredentialParams are URL query/form parameters that carry a
// credential. credname.IsCredentialParam is the shared list; "code" is
// added here because an OAuth authorization code read from a callback
// URL is a credential, while the word alone is too common to be a
// credential name elsewhere.
func isURLCredentialParam(name string) bool {
	if strings.EqualFold(name, "code") {
		return true
	}
	switch strings.ToLower(name) {
	case "key", "sig", "signature", "auth":
		// Too generic for a URL read: "key" is a cache or sort key, a
		// signature is public.
		return false
	}
	return credname.IsCredentialParam(name)
}

// Const is the constant value of a call argument, if known.
type Const func(i int) (string, bool)

// FromCallee reports whether the result of a call of fn is a
// credential. result is the index of the result used (0 for a single
// result). args gives the string constants among the arguments (the
// receiver is not an argument). It knows only library APIs; functions of
// the analyzed program are followed by the analyzers' own summaries.
func FromCallee(fn *types.Func, args Const, result int) (Source, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Source{}, false
	}
	path := fn.Pkg().Path()
	name := fn.Name()
	recv := recvTypeName(fn)
	arg0 := func() (string, bool) {
		if args == nil {
			return "", false
		}
		return args(0)
	}
	switch {
	case (path == pkgHTTP && recv == headerTypeName || path == pkgTextproto && recv == mimeHeaderTypeName) && (name == "Get" || name == "Values"):
		if h, ok := arg0(); ok && credname.IsCredentialHeader(h) {
			return headerSource(h), true
		}
	case path == pkgHTTP && recv == requestTypeName:
		switch name {
		case "Cookies", "CookiesNamed":
			return Source{Kind: credname.Credential, Desc: "cookies of the request", Typed: true}, true
		case "Cookie":
			if result == 0 {
				return Source{Kind: credname.Credential, Desc: "cookie of the request", Typed: true}, true
			}
		case "BasicAuth":
			if result == 1 {
				return Source{Kind: credname.Password, Desc: "password from basic authentication", Typed: true}, true
			}
		case "FormValue", "PostFormValue":
			if p, ok := arg0(); ok && isURLCredentialParam(p) {
				return Source{Kind: paramKind(p), Desc: fmt.Sprintf("%s from the %q form value", paramKind(p), p), Typed: true}, true
			}
		case "PathValue":
			if p, ok := arg0(); ok && isURLCredentialParam(p) {
				return pathParamSource(p), true
			}
		}
	case path == pkgHTTPRouter && recv == "Params" && name == "ByName":
		// An incoming webhook's secret in its URL path
		// (/hooks/:hook/:secret).
		if p, ok := arg0(); ok && isURLCredentialParam(p) {
			return pathParamSource(p), true
		}
	case path == pkgHTTP && recv == "Response" && (name == "Cookies"):
		return Source{Kind: credname.Credential, Desc: "cookies set by the response", Typed: true}, true
	case path == pkgHTTPUtil && (name == "DumpRequest" || name == "DumpRequestOut") && recv == "":
		if result == 0 {
			return Source{Kind: credname.Credential, Desc: "request dump with its Authorization and Cookie headers", Typed: true}, true
		}
	case path == pkgURL && recv == "Values" && name == "Get":
		if p, ok := arg0(); ok && isURLCredentialParam(p) {
			return Source{Kind: paramKind(p), Desc: fmt.Sprintf("%s from the %q URL parameter", paramKind(p), p), Typed: true}, true
		}
	case path == pkgURL && recv == "Userinfo" && name == "Password":
		if result == 0 {
			return Source{Kind: credname.Password, Desc: "password from the URL's user info", Typed: true}, true
		}
	case path == pkgOS && recv == "" && (name == "Getenv" || name == "LookupEnv"):
		if v, ok := arg0(); ok && result == 0 && credname.IsCredentialEnvVar(v) {
			k := credname.Classify(v)
			if k == credname.None {
				k = credname.Secret
			}
			return Source{Kind: k, Desc: fmt.Sprintf("%s from environment variable %s", k, v), Typed: true}, true
		}
	case path == pkgGRPCMetadata:
		if src, ok := grpcMetadataRead(recv, name, args, result); ok {
			return src, true
		}
	case (path == pkgOAuth2) && recv == "Token" && name == "Extra":
		if v, ok := arg0(); ok && (v == "id_token" || v == "access_token" || v == "refresh_token") {
			return Source{Kind: credname.Token, Desc: strings.ReplaceAll(v, "_", " ") + " from the OAuth2 token response", Typed: true}, true
		}
	case isMint(fn):
		if result == 0 {
			return Source{Kind: credname.Token, Desc: "signed JWT", Typed: true}, true
		}
	}
	if src, ok := fromPresign(path, recv, name, result); ok {
		return src, true
	}
	if src, ok := frameworkRead(path, recv, name, arg0, result); ok {
		return src, true
	}
	return configGetter(fn, arg0, result)
}

// configGetters are the names of configuration getters that take a key
// and return its string value (viper's and gin's GetString, koanf's
// String, a project's own cfg.Get).
var configGetters = map[string]bool{"GetString": true, "String": true, "Get": true, "MustString": true, "MustGetString": true}

// configGetter is the source of a configuration getter's value read
// under a constant key that names a credential (b.GetString("Token"),
// viper.GetString("server.api_key"): the last segment of a dotted key
// names it): a method or function with one string parameter and one
// string result. The key is the only evidence, as for a variable's name.
func configGetter(fn *types.Func, arg0 func() (string, bool), result int) (Source, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || result != 0 || !configGetters[fn.Name()] || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return Source{}, false
	}
	switch fn.Pkg().Path() {
	case pkgHTTP, pkgURL, pkgTextproto, "reflect":
		// The standard library's keyed reads (http.Header.Get,
		// url.Values.Get) are judged above by what their keys are;
		// reflect.StructTag.Get reads a tag.
		return Source{}, false
	}
	if !isString(sig.Params().At(0).Type()) || !isString(sig.Results().At(0).Type()) {
		return Source{}, false
	}
	key, ok := arg0()
	if !ok {
		return Source{}, false
	}
	seg := key[strings.LastIndexByte(key, '.')+1:]
	k := credname.Classify(seg)
	if k == credname.None || credname.Hashed(seg) {
		return Source{}, false
	}
	return Source{Kind: k, Desc: fmt.Sprintf("%s read by %s(%q)", k, fn.Name(), key)}, true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// headerSource describes the value of a credential header.
func headerSource(h string) Source {
	canon := canonicalHeader(h)
	switch strings.ToLower(h) {
	case "authorization", "proxy-authorization":
		return Source{Kind: credname.Credential, Desc: "credentials from the " + canon + " header", Typed: true}
	case "cookie", "set-cookie":
		return Source{Kind: credname.Credential, Desc: "cookies from the " + canon + " header", Typed: true}
	}
	k := HeaderKind(h)
	return Source{Kind: k, Desc: string(k) + " from the " + canon + " header", Typed: true}
}

// HeaderKind is the kind of credential a credential header carries:
// credentials for Authorization and the cookie headers, the name's
// kind for others (X-API-Key: API key), a token when the name says no
// more.
func HeaderKind(h string) credname.Kind {
	switch strings.ToLower(h) {
	case "authorization", "proxy-authorization", "cookie", "set-cookie":
		return credname.Credential
	}
	k := credname.Classify(h)
	if k == credname.None || k == credname.Credential {
		k = credname.Token
	}
	return k
}

// canonicalHeader spells a header name the way users write it, keeping
// the case of the program's constant except for a lower-case spelling.
func canonicalHeader(h string) string {
	if h != strings.ToLower(h) {
		return h
	}
	parts := strings.Split(h, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

func paramKind(p string) credname.Kind {
	if strings.EqualFold(p, "code") {
		return "authorization code"
	}
	k := credname.Classify(p)
	if k == credname.None {
		k = credname.Credential
	}
	return k
}

// Bearer refines a source when a call strips the scheme from an
// Authorization header value: strings.TrimPrefix(h, "Bearer "),
// strings.CutPrefix and the like. It returns the source unchanged when
// the call is no such thing.
func Bearer(src Source, fn *types.Func, args Const) Source {
	if fn == nil || fn.Pkg() == nil || args == nil || !strings.HasPrefix(src.Desc, "credentials from the ") {
		return src
	}
	if p := fn.Pkg().Path(); p != pkgStrings && p != pkgBytes {
		return src
	}
	switch fn.Name() {
	case "TrimPrefix", "CutPrefix", "TrimLeft", "Replace", "ReplaceAll", "SplitN", "Split":
	default:
		return src
	}
	for i := 1; i < 3; i++ {
		if s, ok := args(i); ok {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "bearer", "token":
				src.Kind = credname.Token
				src.Desc = strings.ToLower(strings.TrimSpace(s)) + " token from the " + strings.TrimPrefix(src.Desc, "credentials from the ")
				return src
			case "basic":
				src.Desc = "basic credentials from the " + strings.TrimPrefix(src.Desc, "credentials from the ")
				return src
			}
		}
	}
	return src
}

// FromField reports whether loading field f of a struct yields a
// credential: typed fields of well-known types (oauth2.Token.AccessToken,
// oauth2.Config.ClientSecret, jwt.Token.Raw, http.Cookie.Value,
// http.Request.Header) first, then fields named like a credential whose
// type is string-like.
func FromField(f *types.Var) (Source, bool) {
	if f == nil || !f.IsField() {
		return Source{}, false
	}
	if src, ok := typedField(f); ok {
		return src, true
	}
	if plainField(f) {
		return Source{}, false
	}
	if src, ok := named("field", f.Name(), f.Type()); ok {
		return src, true
	}
	return signingKeyField(f)
}

// signingKeyField recognises a field named just Key of a type named for
// signing tokens (goploy's config.JWTConfig.Key, HMACConfig.Key,
// SignerOptions.Key): the bare name is too common to say credential
// (a map's, a cache's, a sort's key), the type's name says which key it
// is. A type named for a cache, a map entry or a lookup keeps its keys.
func signingKeyField(f *types.Var) (Source, bool) {
	if !StringLike(f.Type()) {
		return Source{}, false
	}
	if w := credname.Words(f.Name()); len(w) != 1 || w[0] != "key" {
		return Source{}, false
	}
	owner := declaringType(f)
	signing := false
	for _, w := range credname.Words(owner) {
		switch w {
		case "jwt", "jws", "hmac", "signing", "signer", "sign", "signature":
			signing = true
		case "cache", "map", "entry", "index", "lookup", "item", "pair", "kv", "sort", "id", "public", "pub":
			return Source{}, false
		}
	}
	if !signing {
		return Source{}, false
	}
	return Source{Kind: credname.Secret, Desc: fmt.Sprintf("signing key in field %s.%s", owner, f.Name())}, true
}

// plainField reports whether a field that is no typed credential holds
// none whatever its name says.
func plainField(f *types.Var) bool {
	if pushField(f) {
		// A push service's device address (push.go).
		return true
	}
	if acmechal.PublicField(f, declaringType(f)) {
		// An ACME challenge's token or key authorization: public by
		// design (RFC 8555 §8), whatever it is called.
		return true
	}
	if f.Pkg() != nil && isWellKnown(f.Pkg().Path()) {
		// Library structs are known by type above; their other fields
		// (Token.TokenType, Config.ClientID) hold no credential.
		return true
	}
	w := credname.Words(f.Name())
	if credname.LeaseToken(declaringType(f), f.Name()) {
		// Lock{Token}: the handle of a lock's holding.
		return true
	}
	if credname.RoomToken(declaringType(f), f.Name()) {
		// TalkRoom{Token}: the address of a chat room.
		return true
	}
	if namespacedSecrets(f) {
		// TrackedImage{Namespace, Secrets []string}: Secret objects
		// named in that namespace.
		return true
	}
	if len(w) == 1 && strings.HasPrefix(w[0], "token") && credname.CursorField(declaringType(f), f.Name()) {
		// Pagination{size, token}: the type's name says which token
		// the bare field name means (credname.CursorField).
		return true
	}
	// An opaque token type that its own package holds only as a
	// consistency requirement or revision marker.
	return len(w) == 1 && (w[0] == "token" || w[0] == "tokens") && heldAsConsistency(f)
}

// KnownPlainField reports whether the shared layer knows field f to
// hold no credential whatever its name or use: an ACME challenge's
// public values (acmechal), a library struct's fields other than its
// typed credentials, a pagination cursor, a consistency token (the
// verdicts FromField gives before the name hint). An analyzer that
// infers credentials from use (tokenlog's sent fields) leaves these
// alone.
func KnownPlainField(f *types.Var) bool {
	if f == nil || !f.IsField() {
		return false
	}
	if _, ok := typedField(f); ok {
		return false
	}
	return plainField(f)
}

// owners caches declaringType: field -> the name of the package-level
// struct type that declares it ("" if none).
var owners sync.Map

// declaringType names the package-level named struct type whose
// fields include f, or "". go/types does not record a field's owner,
// so the declaring package's scope is searched once per field.
func declaringType(f *types.Var) string {
	if f.Pkg() == nil {
		return ""
	}
	if v, ok := owners.Load(f); ok {
		return v.(string)
	}
	owner := ""
	scope := f.Pkg().Scope()
	for _, n := range scope.Names() {
		if st, ok := scopeStruct(scope, n); ok {
			for i := 0; i < st.NumFields() && owner == ""; i++ {
				if st.Field(i) == f {
					owner = n
				}
			}
		}
		if owner != "" {
			break
		}
	}
	owners.Store(f, owner)
	return owner
}

// consistencyHeld caches heldAsConsistency: field -> bool.
var consistencyHeld sync.Map

// heldAsConsistency reports whether the struct type T declaring f is a
// consistency or revision marker by the way its own package uses it:
// some field of a struct type of that package holds a T or *T and
// credname.ConsistencyHolder accepts the holder's names
// (Consistency_AtLeastAsFresh{AtLeastAsFresh *T},
// Consistency_AtExactSnapshot{AtExactSnapshot *T}), and no field of
// the package holding a T is credential-named. The type's own name
// may say nothing (an opaque product name before "Token"); its uses
// say what its bare Token field is.
func heldAsConsistency(f *types.Var) bool {
	if f.Pkg() == nil {
		return false
	}
	if v, ok := consistencyHeld.Load(f); ok {
		return v.(bool)
	}
	held, cred := false, false
	scope := f.Pkg().Scope()
	if owner, ok := scope.Lookup(declaringType(f)).(*types.TypeName); ok {
		for _, n := range scope.Names() {
			st, ok := scopeStruct(scope, n)
			if !ok {
				continue
			}
			for i := 0; i < st.NumFields(); i++ {
				t := st.Field(i).Type()
				if p, ok := t.(*types.Pointer); ok {
					t = p.Elem()
				}
				if nt, ok := t.(*types.Named); !ok || nt.Obj() != owner {
					continue
				}
				if credname.Classify(st.Field(i).Name()) != credname.None {
					cred = true
				} else if credname.ConsistencyHolder(n, st.Field(i).Name(), st.NumFields() == 1) {
					held = true
				}
			}
		}
	}
	consistencyHeld.Store(f, held && !cred)
	return held && !cred
}

// CookieValueDesc describes the value of an http.Cookie.
const CookieValueDesc = "cookie value"

// typedField recognises the credential fields of well-known types.
func typedField(f *types.Var) (Source, bool) {
	if f.Pkg() == nil {
		return Source{}, false
	}
	path, name := f.Pkg().Path(), f.Name()
	owner := fieldOwner(f)
	switch {
	case path == pkgOAuth2 && owner == "Token" && (name == "AccessToken" || name == "RefreshToken"):
		what := "access token"
		if name == "RefreshToken" {
			what = "refresh token"
		}
		return Source{Kind: credname.Token, Desc: "OAuth2 " + what, Typed: true}, true
	case (path == pkgOAuth2 || path == pkgClientCreds) && owner == "Config" && name == "ClientSecret":
		return Source{Kind: credname.ClientSecret, Desc: "OAuth2 client secret", Typed: true}, true
	case jwtlib.IsGolangJWT(path) && owner == "Token" && name == "Raw":
		return Source{Kind: credname.Token, Desc: "raw JWT", Typed: true}, true
	case path == pkgHTTP && owner == "Cookie" && name == "Value":
		return Source{Kind: credname.Credential, Desc: CookieValueDesc, Typed: true}, true
	case path == pkgHTTP && owner == requestTypeName && name == "Header":
		return Source{Kind: credname.Credential, Desc: "request headers with their Authorization and Cookie values", Typed: true}, true
	}
	return presignedField(f, path)
}

// scopeStruct returns the struct type the type name declared in scope
// under name stands for, if it is one.
func scopeStruct(scope *types.Scope, name string) (*types.Struct, bool) {
	obj, ok := scope.Lookup(name).(*types.TypeName)
	if !ok {
		return nil, false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	return st, ok
}

// fieldOwner names the struct type that declares field f, or "".
// go/types does not record a field's owner, so the declaring package's
// scope is searched; the well-known types are few and package-level.
func fieldOwner(f *types.Var) string {
	scope := f.Pkg().Scope()
	for _, n := range []string{"Token", "Config", "Cookie", requestTypeName} {
		st, ok := scopeStruct(scope, n)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == f {
				return n
			}
		}
	}
	return ""
}

// isWellKnown reports whether path is a library whose credential-bearing
// API is described by type in this package.
func isWellKnown(path string) bool {
	switch path {
	case pkgOAuth2, pkgClientCreds, pkgHTTP, pkgURL, pkgOS:
		return true
	}
	return jwtlib.IsGolangJWT(path)
}

// isMint reports whether fn is a JWT library function that returns a
// signed token as a string or bytes (jwtlib's Mint role): golang-jwt's
// SignedString, go-jose's CompactSerialize, jwx's jwt.Sign, kataras' Sign.
func isMint(fn *types.Func) bool {
	f, ok := jwtlib.Classify(fn)
	if !ok || f.Role != jwtlib.Mint {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Results().Len() > 0 && StringLike(sig.Results().At(0).Type())
}

// named applies the name hint: a name classified as a credential, on a
// string-like or []byte value.
func named(what, name string, t types.Type) (Source, bool) {
	if strings.EqualFold(strings.Trim(name, `"`), "pwd") {
		// A bare "pwd" is the working directory (the shell's PWD, the
		// result of os.Getwd) at least as often as a password.
		return Source{}, false
	}
	k := credname.Classify(name)
	if k == credname.None || !StringLike(t) || credname.Hashed(name) {
		// hashedPassword, encryptedToken: a hash or ciphertext is no
		// plaintext credential (issue 15, class 1).
		return Source{}, false
	}
	if stringList(t) && credname.SecretNameList(name) {
		// Secrets []string, imagePullSecrets: the names of Secret
		// objects, not their values.
		return Source{}, false
	}
	return Source{Kind: k, Desc: fmt.Sprintf("%s in %s %s", k, what, name)}, true
}

// stringList reports whether t is a slice of strings.
func stringList(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// FromName applies the name hint to a variable, parameter, field or map
// key named name whose type is t: it is a credential when the name says
// so and t is string-like or []byte. what ("parameter", "variable",
// "field", "map entry") is used in the description.
func FromName(what, name string, t types.Type) (Source, bool) { return named(what, name, t) }

// StringLike reports whether t is a string, a []byte, a named type of
// either, or a slice of strings: the types a credential is held in.
func StringLike(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok {
			return b.Kind() == types.Byte || b.Kind() == types.Uint8 || b.Info()&types.IsString != 0
		}
	}
	return false
}

// FromValue reports whether the SSA value v is itself a credential: a
// call of a credential API, a load of a credential field, a lookup of a
// credential map key or header, a parameter or package variable named
// like a credential. It does not follow data flow; analyzers propagate
// from the values it recognises.
func FromValue(v ssa.Value) (Source, bool) {
	switch v := v.(type) {
	case *ssa.Call:
		return fromSSACall(&v.Call, 0)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return fromSSACall(&c.Call, v.Index)
		}
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return FromFieldOf(x.X.Type(), x.Field)
		case *ssa.Global:
			return named("package variable", x.Name(), v.Type())
		}
	case *ssa.Field:
		return FromFieldOf(v.X.Type(), v.Field)
	case *ssa.Lookup:
		if k, ok := ConstKey(v.Index); ok {
			return fromKey(v.X.Type(), k, v.Type())
		}
	case *ssa.Parameter:
		if PlainParam(v) {
			return Source{}, false
		}
		if fn := v.Parent(); fn != nil && credname.CursorParam(fn.Name(), v.Name()) {
			// decodePageToken(token), parseContextToken(token): the
			// function's name says what the bare "token" is.
			return Source{}, false
		}
		return named("parameter", v.Name(), v.Type())
	}
	return Source{}, false
}

// PlainParam reports whether p holds no credential whatever its name:
// an ACME challenge's public value, a lock's handle, or a value its
// function only compares with fields that hold none.
func PlainParam(p *ssa.Parameter) bool {
	return acmePublicParam(p) || leaseParam(p) || comparedOnlyWithPlain(p) || lexTokensParam(p)
}

// lexTokensParam reports whether p, a list of strings, holds the tokens
// of an expression or a line: an element of it is compared with a
// constant made only of operator or punctuation characters ("+", "(",
// ","). ezbookkeeping's evaluatePostfixExpr(ctx, tokens []string)
// switches each token on "+", "-", "*" and "/" and logs
// strings.Join(tokens, " ") when the amount expression does not
// evaluate. A credential is never checked against "+".
func lexTokensParam(p *ssa.Parameter) bool {
	if !stringList(p.Type()) || p.Referrers() == nil {
		return false
	}
	for _, r := range *p.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, l := range *ia.Referrers() {
			ld, ok := l.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL || ld.Referrers() == nil {
				continue
			}
			for _, u := range *ld.Referrers() {
				if b, ok := u.(*ssa.BinOp); ok && (b.Op == token.EQL || b.Op == token.NEQ) && (punctuationConst(b.X) || punctuationConst(b.Y)) {
					return true
				}
			}
		}
	}
	return false
}

// punctuationConst reports whether v is a non-empty string constant of
// operator and punctuation characters only.
func punctuationConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	s := constant.StringVal(c.Value)
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// namespacedSecrets reports whether f is a list of strings named
// "secrets" in a struct that also has a string field Namespace: the
// names of Kubernetes Secret objects in that namespace (keel's
// TrackedImage{Namespace, Secrets}), which the package looks up by
// namespace and name. A bare "secrets" list elsewhere may hold values
// (a command's --secret KEY=VALUE pairs) and is judged by its name.
func namespacedSecrets(f *types.Var) bool {
	if !strings.EqualFold(f.Name(), "secrets") || !stringList(f.Type()) || f.Pkg() == nil {
		return false
	}
	owner := declaringType(f)
	if owner == "" {
		return false
	}
	st, ok := scopeStruct(f.Pkg().Scope(), owner)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if g := st.Field(i); g.Name() == "Namespace" && isString(g.Type()) {
			return true
		}
	}
	return false
}

// comparedOnlyWithPlain reports whether every use of p compares it
// (== or !=) with a field that holds no credential whatever its name
// (plainField): matterbridge's getRoom(token) looks the room up by
// comparing its parameter with each TalkRoom's Token, a room's address,
// so the parameter is one too. A parameter used in any other way is
// judged by its name.
func comparedOnlyWithPlain(p *ssa.Parameter) bool {
	refs := p.Referrers()
	if refs == nil {
		return false
	}
	n := 0
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
			continue
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false
			}
			other := r.X
			if other == p {
				other = r.Y
			}
			f := loadedField(other)
			if f == nil || !plainField(f) {
				return false
			}
			n++
		default:
			return false
		}
	}
	return n > 0
}

// LoadedField returns the field v reads (x.f, through a pointer or not),
// or nil.
func LoadedField(v ssa.Value) *types.Var { return loadedField(v) }

func loadedField(v ssa.Value) *types.Var {
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return fieldOf(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return fieldOf(x.X.Type(), x.Field)
	}
	return nil
}

// leaseParam reports whether p is a lock's or lease's token, named for
// one in a function whose receiver type or name is a lock's
// ((*LockManager).Unlock(path, token)): credname.LeaseToken.
func leaseParam(p *ssa.Parameter) bool {
	fn := p.Parent()
	ctx := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			ctx = n.Obj().Name() + " " + ctx
		}
	}
	return credname.LeaseToken(ctx, p.Name())
}

// acmePublicParam reports whether p is the parameter by which an ACME
// challenge provider receives a challenge's token or key authorization
// (acmechal.PublicParam), or one of a challenge type's method named for
// one (traefik's ChallengeHTTP.getTokenValue(ctx, token, domain):
// acmechal.ChallengeMethodParam).
func acmePublicParam(p *ssa.Parameter) bool {
	fn := p.Parent()
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Signature.Recv() == nil {
		return false
	}
	for i, q := range fn.Params {
		if q == p {
			return acmechal.PublicParam(obj, i-1) || acmechal.ChallengeMethodParam(obj, i-1)
		}
	}
	return false
}

// fromKey recognises map lookups: http.Header and url.Values by their
// credential keys, other maps by a credential-named constant key with a
// string-like or interface element.
// MapEntry returns the source of the entry of a map of type mapType
// under the constant key, when the key names a credential (as a lookup
// of it would be judged).
func MapEntry(mapType types.Type, key string) (Source, bool) {
	m, ok := mapType.Underlying().(*types.Map)
	if !ok {
		return Source{}, false
	}
	return fromKey(mapType, key, m.Elem())
}

func fromKey(mapType types.Type, key string, elem types.Type) (Source, bool) {
	if n, ok := types.Unalias(mapType).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch path, name := n.Obj().Pkg().Path(), n.Obj().Name(); {
		case path == pkgHTTP && name == headerTypeName, path == pkgTextproto && name == mimeHeaderTypeName:
			if credname.IsCredentialHeader(key) {
				return headerSource(key), true
			}
			return Source{}, false
		case path == pkgGRPCMetadata && name == "MD":
			if credname.IsCredentialHeader(key) {
				return headerSource(key), true
			}
			return Source{}, false
		case path == pkgURL && name == "Values":
			if isURLCredentialParam(key) {
				return Source{Kind: paramKind(key), Desc: fmt.Sprintf("%s from the %q URL parameter", paramKind(key), key), Typed: true}, true
			}
			return Source{}, false
		}
	}
	if types.IsInterface(elem) {
		if k := credname.Classify(key); k != credname.None && !strings.EqualFold(key, "pwd") {
			return Source{Kind: k, Desc: fmt.Sprintf("%s in map entry %q", k, key)}, true
		}
		return Source{}, false
	}
	return named("map entry", fmt.Sprintf("%q", key), elem)
}

// fromSSACall applies FromCallee to a static call.
func fromSSACall(c *ssa.CallCommon, result int) (Source, bool) {
	fn := Callee(c)
	if fn == nil {
		return Source{}, false
	}
	return FromCallee(fn, SSAConsts(c), result)
}

// Callee returns the function or method a call statically invokes,
// including interface-free method calls through a receiver; nil for
// dynamic calls and builtins.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	switch f := c.Value.(type) {
	case *ssa.Function:
		if obj, ok := f.Object().(*types.Func); ok {
			return obj
		}
		if f.Origin() != nil {
			if obj, ok := f.Origin().Object().(*types.Func); ok {
				return obj
			}
		}
	case *ssa.MakeClosure:
		if fn, ok := f.Fn.(*ssa.Function); ok {
			if obj, ok := fn.Object().(*types.Func); ok {
				return obj
			}
		}
	}
	return nil
}

// SSAConsts returns the string constants among a call's arguments,
// indexed without the receiver of a method call.
func SSAConsts(c *ssa.CallCommon) Const {
	args := c.Args
	if !c.IsInvoke() && c.Signature() != nil && c.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	return func(i int) (string, bool) {
		if i < 0 || i >= len(args) {
			return "", false
		}
		return ConstString(args[i])
	}
}

// ConstString returns v's value if it is a string constant.
func ConstString(v ssa.Value) (string, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value), true
	}
	return "", false
}

// ConstKey is ConstString for a map key: a constant string converted
// to the map's interface key type (gorilla/sessions' Values
// map[interface{}]interface{}: sess.Values["access_token"]) is the same
// key as the constant itself.
func ConstKey(v ssa.Value) (string, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return ConstString(v)
}

// FromFieldOf is FromField for field i of the struct that t is or
// points to, knowing the struct's type: the value field of a credential
// type holds the credential whatever it is called. A string-like field
// named Value, Raw, Plain, Plaintext or Val of a struct type named like a
// credential (APIToken, AccessToken, APIKey, Secret, Password) is one;
// a type named just Token is not judged so, since lexers call their
// tokens that and give them a Value.
func FromFieldOf(t types.Type, i int) (Source, bool) {
	f := fieldOf(t, i)
	if src, ok := FromField(f); ok || f == nil {
		return src, ok
	}
	return credTypeValue(t, f)
}

// valueFields are the names of the field that holds a credential type's
// value.
var valueFields = map[string]bool{"value": true, "raw": true, "plain": true, "plaintext": true, "val": true}

func credTypeValue(t types.Type, f *types.Var) (Source, bool) {
	if !valueFields[strings.ToLower(f.Name())] || !StringLike(f.Type()) {
		return Source{}, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isWellKnown(n.Obj().Pkg().Path()) {
		return Source{}, false
	}
	name := n.Obj().Name()
	k := credname.Classify(name)
	if k == credname.None || len(credname.Words(name)) < 2 && k == credname.Token {
		return Source{}, false
	}
	return Source{Kind: k, Desc: fmt.Sprintf("%s in field %s of %s", k, f.Name(), typeString(n))}, true
}

// FieldOf returns field i of the struct that t is or points to, or nil.
func FieldOf(t types.Type, i int) *types.Var { return fieldOf(t, i) }

// fieldOf returns field i of the struct that t is or points to.
func fieldOf(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil
	}
	return st.Field(i)
}

// FromExpr is FromValue for analyzers without SSA: it reports whether
// the type-checked expression e is itself a credential (a call of a
// credential API, a credential field, a credential map key or header, or
// an identifier named like a credential with a string-like type).
func FromExpr(info *types.Info, e ast.Expr) (Source, bool) {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := exprCallee(info, e)
		if fn == nil {
			return Source{}, false
		}
		return FromCallee(fn, func(i int) (string, bool) {
			if i < 0 || i >= len(e.Args) {
				return "", false
			}
			return exprConst(info, e.Args[i])
		}, 0)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			if f, ok := sel.Obj().(*types.Var); ok {
				return FromField(f)
			}
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return named("package variable", v.Name(), v.Type())
		}
	case *ast.IndexExpr:
		if k, ok := exprConst(info, e.Index); ok {
			if tv, ok := info.Types[e.X]; ok {
				if _, isMap := tv.Type.Underlying().(*types.Map); isMap {
					return fromKey(tv.Type, k, info.TypeOf(e))
				}
			}
		}
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			what := "variable"
			if v.IsField() {
				return FromField(v)
			}
			if v.Parent() != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				what = "package variable"
			}
			return named(what, v.Name(), v.Type())
		}
	}
	return Source{}, false
}

func exprCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.IndexExpr:
		if sel, ok := fun.X.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else if i, ok := fun.X.(*ast.Ident); ok {
			id = i
		}
	}
	if id == nil {
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

func exprConst(info *types.Info, e ast.Expr) (string, bool) {
	return textual.ConstString(info, e)
}

// recvTypeName names the receiver's named type of a method ("Header" for
// (http.Header).Get), or "" for a function.
func recvTypeName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// RecvTypeName names the receiver's named type of a method, or "" for a
// function: "Logger" for (*zap.Logger).Info.
func RecvTypeName(fn *types.Func) string { return recvTypeName(fn) }

// pkgHTTPRouter is julienschmidt/httprouter, whose Params hold the path
// parameters of the request served.
const pkgHTTPRouter = "github.com/julienschmidt/httprouter"

// pathParamSource is the source of a credential-named path parameter.
func pathParamSource(p string) Source {
	return Source{Kind: paramKind(p), Desc: fmt.Sprintf("%s from the %q path parameter", paramKind(p), p), Typed: true}
}
