package jwtlib

import (
	"go/types"
	"strings"
)

// Role says what a library function does to a token.
type Role uint8

const (
	RoleNone Role = iota
	// Verify checks the token's signature with a key, key function, key
	// set or verifier, and returns the token or its claims.
	Verify
	// Unverified decodes a token or its claims without checking the
	// signature.
	Unverified
	// Decode parses a token's structure, or decodes the claims of a
	// token whose verification is decided elsewhere (go-jose
	// ParseSigned, cristalhq Token.DecodeClaims).
	Decode
	// Mint signs a token and returns its serialized form.
	Mint
	// SkipValidation is an option that turns the exp/nbf checks off
	// (golang-jwt WithoutClaimsValidation).
	SkipValidation
	// OptVerify is an option whose bool argument false turns signature
	// verification off (jwx WithVerify(false)).
	OptVerify
	// OptValidate is an option whose bool argument false turns the
	// exp/nbf checks off (jwx WithValidate(false)).
	OptValidate
	// PinAlgs is an option that restricts the accepted algorithms
	// (golang-jwt WithValidMethods, jwx WithKey and WithKeySet).
	PinAlgs
	// ValidateClaims checks the expiry of claims decoded before, apart
	// from the parse (go-jose Claims.Validate, jwx jwt.Validate,
	// golang-jwt v5 Validator.Validate).
	ValidateClaims
	// Fetch reads keys or provider metadata from a URL (argument URL).
	Fetch
)

// Func describes one function or method of a library.
type Func struct {
	Family Family
	Role   Role
	// Raw is the argument holding the serialized token, -1 when none.
	// RawRecv says the receiver holds it instead.
	Raw     int
	RawRecv bool
	// Claims is the first argument that receives decoded claims (the
	// rest of a variadic list too), or -1.
	Claims int
	// Result says the first result carries the token or its claims.
	Result bool
	// Key is the argument holding a signing or verification key, or -1.
	Key int
	// Algs is the argument listing the accepted algorithms (go-jose v4
	// ParseSigned), or -1.
	Algs int
	// URL is the argument holding a URL the function fetches, or -1.
	URL int
	// PinsAlg says the function itself rejects any algorithm but the
	// one it is given (cristalhq Parse with a verifier, kataras Verify,
	// go-kit NewParser with a method).
	PinsAlg bool
	// KeyOption says the parse verifies only when one of its options
	// gives a key (a PinAlgs option: jwx v1 jwt.WithVerify or
	// jwt.WithKeySet); without one it decodes unverified.
	KeyOption bool
	// ValidateOptIn says the parse checks exp and nbf only when given
	// an OptValidate option set to true (jwx v1 jwt.WithValidate(true))
	// or when its token reaches a ValidateClaims function.
	ValidateOptIn bool
}

// entry is one row of the table. recv is the receiver type's name ("" for
// a function; a trailing "*" matches a prefix); sub is the package below
// the module root; minMajor and maxMajor exclude versions with another
// API.
type entry struct {
	family   Family
	sub      string
	recv     string
	names    string // space-separated
	minMajor int
	f        Func
	maxMajor int
}

// none is the Func with every index unset.
var none = Func{Raw: -1, Claims: -1, Key: -1, Algs: -1, URL: -1}

func fn(role Role, set func(*Func)) Func {
	f := none
	f.Role = role
	if set != nil {
		set(&f)
	}
	return f
}

var table = []entry{
	// golang-jwt and its predecessors.
	{GolangJWT, "", "Parser", "ParseUnverified", 0, fn(Unverified, func(f *Func) { f.Raw, f.Claims, f.Result = 0, 1, true }), 0},
	{GolangJWT, "", "", "Parse", 0, fn(Verify, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{GolangJWT, "", "Parser", "Parse", 0, fn(Verify, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{GolangJWT, "", "", "ParseWithClaims", 0, fn(Verify, func(f *Func) { f.Raw, f.Claims, f.Result = 0, 1, true }), 0},
	{GolangJWT, "", "Parser", "ParseWithClaims", 0, fn(Verify, func(f *Func) { f.Raw, f.Claims, f.Result = 0, 1, true }), 0},
	{GolangJWT, "request", "", "ParseFromRequest", 0, fn(Verify, func(f *Func) { f.Result = true }), 0},
	{GolangJWT, "request", "", "ParseFromRequestWithClaims", 0, fn(Verify, func(f *Func) { f.Claims, f.Result = 2, true }), 0},
	{GolangJWT, "", "Token", "SignedString", 0, fn(Mint, func(f *Func) { f.Key = 0 }), 0},
	{GolangJWT, "", "SigningMethod*", "Sign", 0, fn(RoleNone, func(f *Func) { f.Key = 1 }), 0},
	{GolangJWT, "", "SigningMethod*", "Verify", 0, fn(RoleNone, func(f *Func) { f.Key = 2 }), 0},
	{GolangJWT, "", "", "WithoutClaimsValidation", 0, fn(SkipValidation, nil), 0},
	{GolangJWT, "", "", "WithValidMethods", 0, fn(PinAlgs, nil), 0},
	{GolangJWT, "", "Validator", "Validate", 5, fn(ValidateClaims, nil), 0},

	// go-jose: jose and jose/jwt. Signature checks are typed by key:
	// a []byte key verifies only HS*, an *rsa.PublicKey only RS*/PS*.
	{GoJose, "", "", "ParseSigned ParseSignedCompact ParseSignedJSON", 0, fn(Decode, func(f *Func) { f.Raw, f.Result, f.Algs = 0, true, 1 }), 0},
	{GoJose, "", "JSONWebSignature", "Verify VerifyMulti DetachedVerify DetachedVerifyMulti", 0, fn(Verify, func(f *Func) { f.RawRecv, f.Result, f.Key = true, true, 0 }), 0},
	{GoJose, "", "JSONWebSignature", "UnsafePayloadWithoutVerification", 0, fn(Unverified, func(f *Func) { f.RawRecv, f.Result = true, true }), 0},
	{GoJose, "jwt", "", "ParseSigned ParseSignedAndEncrypted ParseEncrypted", 0, fn(Decode, func(f *Func) { f.Raw, f.Result, f.Algs = 0, true, 1 }), 0},
	{GoJose, "jwt", "JSONWebToken", "Claims", 0, fn(Verify, func(f *Func) { f.RawRecv, f.Key, f.Claims = true, 0, 1 }), 0},
	{GoJose, "jwt", "JSONWebToken", "UnsafeClaimsWithoutVerification", 0, fn(Unverified, func(f *Func) { f.RawRecv, f.Claims = true, 0 }), 0},
	{GoJose, "jwt", "Claims", "Validate ValidateWithLeeway", 0, fn(ValidateClaims, nil), 0},
	{GoJose, "jwt", "*", "CompactSerialize FullSerialize Serialize", 0, fn(Mint, nil), 0},

	// lestrrat-go/jwx v1: Parse verifies only when given jwt.WithVerify
	// (alg, key) or jwt.WithKeySet, and checks exp only with
	// jwt.WithValidate(true) or a jwt.Validate call.
	{family: JWX, sub: "jwt", names: "Parse ParseString ParseBytes ParseReader ParseRequest", minMajor: 1, maxMajor: 1, f: fn(Verify, func(f *Func) { f.Raw, f.Result, f.KeyOption, f.ValidateOptIn = 0, true, true, true })},
	{family: JWX, sub: "jwt", names: "WithVerify", minMajor: 1, maxMajor: 1, f: fn(PinAlgs, func(f *Func) { f.Key = 1 })},
	{family: JWX, sub: "jwt", names: "WithKeySet", minMajor: 1, maxMajor: 1, f: fn(PinAlgs, nil)},
	{family: JWX, sub: "jwt", names: "WithValidate", minMajor: 1, maxMajor: 1, f: fn(OptValidate, nil)},
	{family: JWX, sub: "jwt", names: "Validate", minMajor: 1, maxMajor: 1, f: fn(ValidateClaims, nil)},
	{family: JWX, sub: "jws", names: "Verify", minMajor: 1, maxMajor: 1, f: fn(Verify, func(f *Func) { f.Raw, f.Result, f.Key = 0, true, 2 })},

	// lestrrat-go/jwx v2, v3.
	{JWX, "jwt", "", "Parse ParseString ParseReader ParseRequest ParseHeader ParseCookie ParseForm", 2, fn(Verify, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{JWX, "jwt", "", "ParseInsecure", 2, fn(Unverified, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{JWX, "jwt", "", "WithVerify", 2, fn(OptVerify, nil), 0},
	{JWX, "jwt", "", "WithValidate", 2, fn(OptValidate, nil), 0},
	{JWX, "jwt", "", "WithKey", 2, fn(PinAlgs, func(f *Func) { f.Key = 1 }), 0},
	{JWX, "jwt", "", "WithKeySet WithVerifyAuto WithKeyProvider", 2, fn(PinAlgs, nil), 0},
	{JWX, "jwt", "", "Sign", 2, fn(Mint, nil), 0},
	{JWX, "jwt", "", "Validate", 2, fn(ValidateClaims, nil), 0},
	{JWX, "jws", "", "Verify", 2, fn(Verify, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{JWX, "jws", "", "WithKey", 2, fn(PinAlgs, func(f *Func) { f.Key = 1 }), 0},
	{JWX, "jwk", "", "Fetch", 0, fn(Fetch, func(f *Func) { f.URL = 1 }), 0},

	// cristalhq/jwt: Parse checks the header's alg against the
	// verifier's before verifying.
	{Cristal, "", "", "Parse ParseString", 0, fn(Verify, func(f *Func) { f.Raw, f.Result, f.PinsAlg = 0, true, true }), 0},
	{Cristal, "", "", "ParseNoVerify ParseNoVerifyString", 0, fn(Unverified, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	// A Verifier (the interface, or one of the algorithms) verifies the
	// signature of a token ParseNoVerify returned, and rejects a header
	// whose alg is not its own.
	{Cristal, "", "Verifier HSAlg RSAlg ESAlg PSAlg EdDSAAlg", "Verify", 0, fn(Verify, func(f *Func) { f.PinsAlg = true }), 0},
	{Cristal, "", "Token", "DecodeClaims", 0, fn(Decode, func(f *Func) { f.RawRecv, f.Claims = true, 0 }), 0},
	{Cristal, "", "", "NewSignerHS NewVerifierHS", 0, fn(RoleNone, func(f *Func) { f.Key = 1 }), 0},
	{Cristal, "", "Builder", "Build", 0, fn(Mint, nil), 0},

	// kataras/jwt: Verify is given the algorithm and checks the header
	// against it; Decode does not verify.
	{Kataras, "", "", "Verify VerifyWithHeaderValidator", 0, fn(Verify, func(f *Func) { f.Raw, f.Key, f.Result, f.PinsAlg = 2, 1, true, true }), 0},
	{Kataras, "", "", "Decode", 0, fn(Unverified, func(f *Func) { f.Raw, f.Result = 0, true }), 0},
	{Kataras, "", "VerifiedToken UnverifiedToken", "Claims", 0, fn(Decode, func(f *Func) { f.RawRecv, f.Claims = true, 0 }), 0},
	{Kataras, "", "", "Sign SignWithHeader", 0, fn(Mint, func(f *Func) { f.Key = 1 }), 0},

	// go-kit auth/jwt: NewParser rejects a token whose method is not the
	// one it is given.
	{GoKit, "", "", "NewParser", 0, fn(Verify, func(f *Func) { f.PinsAlg = true }), 0},
	{GoKit, "", "", "NewSigner", 0, fn(RoleNone, func(f *Func) { f.Key = 1 }), 0},

	// go-oidc.
	{OIDC, "*", "IDTokenVerifier", "Verify", 0, fn(Verify, func(f *Func) { f.Raw, f.Result = 1, true }), 0},
	{OIDC, "*", "", "NewProvider NewRemoteKeySet", 0, fn(Fetch, func(f *Func) { f.URL = 1 }), 0},
}

// major reports whether the entry describes major version m.
func (e entry) major(m int) bool {
	return (e.minMajor == 0 || m >= e.minMajor) && (e.maxMajor == 0 || m <= e.maxMajor)
}

// Classify describes fn when it belongs to a supported library.
func Classify(fn *types.Func) (Func, bool) {
	if fn == nil || fn.Pkg() == nil {
		return none, false
	}
	p, ok := Lookup(fn.Pkg().Path())
	if !ok {
		return none, false
	}
	recv := RecvName(fn)
	for _, e := range table {
		if e.family != p.Family || (e.sub != "*" && e.sub != p.Sub) || !e.major(p.Major) {
			continue
		}
		if !matchRecv(e.recv, recv) || !hasWord(e.names, fn.Name()) {
			continue
		}
		f := e.f
		f.Family = p.Family
		return f, true
	}
	return none, false
}

func matchRecv(pattern, recv string) bool {
	if pattern == "*" {
		return recv != ""
	}
	for _, p := range strings.Fields(pattern) {
		if strings.HasSuffix(p, "*") {
			if recv != "" && strings.HasPrefix(recv, strings.TrimSuffix(p, "*")) {
				return true
			}
		} else if p == recv {
			return true
		}
	}
	return pattern == "" && recv == ""
}

func hasWord(words, w string) bool {
	for _, x := range strings.Fields(words) {
		if x == w {
			return true
		}
	}
	return false
}

// URLSinks lists the library functions that fetch from a URL argument,
// as "importpath.Func" and the argument index, for every import path
// of the table that has them (vendored copies are found by Classify).
func URLSinks() []URLSink {
	var out []URLSink
	for _, m := range modules {
		for _, e := range table {
			if e.family != m.family || e.f.Role != Fetch || e.recv != "" {
				continue
			}
			if !e.major(m.major) {
				continue
			}
			pkg, short := m.root, e.sub
			switch {
			case m.family == OIDC:
				short = "oidc"
				if m.major >= 3 {
					pkg += "/oidc"
				}
			case e.sub != "":
				pkg += "/" + e.sub
			}
			for _, name := range strings.Fields(e.names) {
				out = append(out, URLSink{Key: pkg + "." + name, Arg: e.f.URL, Display: short + "." + name})
			}
		}
	}
	return out
}

// URLSink is a function that fetches from its URL argument.
type URLSink struct {
	Key     string // "importpath.Func"
	Arg     int
	Display string // "oidc.NewProvider"
}
