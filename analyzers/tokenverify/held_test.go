package tokenverify_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenverify"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestHeld runs the class 7 fixture: comparisons of two values the
// program holds (a cached token, configuration, the environment) are
// not authentication; a caller's value against a secret still is, across
// an unexported helper and across packages through heldFact.
func TestHeld(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "compareheld", "heldlib")
}

// TestHeldOrder runs the fixture of reach.go: an assignment after a
// comparison, outside any loop around it and in a body without goto,
// does not reach it; in a loop, through a goto or in a deferred literal
// it does.
func TestHeldOrder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "heldorder")
}

// TestUnverifiedLogAndDoc runs the fixture of unverifieddoc.go:
// unverified claims that only reach a log, and a decoder documented as
// not verifying, are left alone.
func TestUnverifiedLogAndDoc(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "unverifiedlog")
}

// TestResetTokenStoreFunc runs the fixture of storefn.go: a reset token
// from the request compared with the copy a package-level store returns
// is reported; a function that transforms the request's token, and a
// record fetched by the token itself, are not.
func TestResetTokenStoreFunc(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "resetfn")
}

// TestOIDCPerVerifier runs the fixture of oidclocal.go: SkipClientIDCheck
// on a verifier built and used in one function is judged by its own
// tokens' audience, not by another verifier's check in the package.
func TestOIDCPerVerifier(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "oidcperverifier")
}

// TestEqualityFunctions: the same credential field of two parameters of
// one record type compared in a bool function is an equality check;
// a login comparing a stored user with a decoded one is reported.
func TestEqualityFunctions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "equality")
}

// TestCopyCompared: a local copy of a token, replaced by the program on
// some path, compared with its original (an upgrade, a rotation) is no
// login; a presented token against a stored one held in a local
// variable still is.
func TestCopyCompared(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "copycmp")
}

// TestEqualityCaller: an equality method or function comparing two
// values' credential field is a login's comparison when a call of it in
// the package passes a value from the request (directly, decoded, or
// returned by a call handed the request); uncalled, or called with
// stored or reloaded values, it stays change detection (review P,
// janus's basic-auth user).
func TestEqualityCaller(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "equalitycaller")
}

// TestCachedCompared: a setting compared with the unexported copy the
// program keeps of it (every store copies that setting or a constant)
// detects a change; an exported copy, a copy also stored from the
// request or from another setting, and a presented value still are
// compared as credentials (review P, centrifugo's track-signature key).
func TestCachedCompared(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "cachedcmp")
}

// TestSiblingFields: two credential fields of one value compared with
// each other (two keys of one configuration that must differ, a password
// and its confirmation) are no login; fields of two values still are
// (review L, nakama's config check).
func TestSiblingFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "siblingcmp")
}

// TestAuthReject: a value the caller sent, compared with != against one
// the program holds, whose mismatch answers 401/403 or an
// Unauthenticated gRPC status, is a credential whatever its name
// (review L, nakama's runtime HTTP key); other statuses, two request
// values, constant-time compares and a public header rewritten by a
// package function (a normalized Origin, review CT) are left alone.
func TestAuthReject(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "authreject")
}

// TestPatWord: "pat" names a personal access token only as an initialism
// or after an issuer's name; rwPat, hostPat and url_pat are patterns
// (AdGuardHome's rewrite loop check).
func TestPatWord(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "patword")
}

// TestWrapperName: a helper whose name says it skips the signature
// check with words between the negation and the check
// (ParseJWTWithoutSignatureVerification) is left to its callers, like
// ParseUnverifiedJWT; a name that skips another check is not
// (unverifiedWrapper, skipsSignatureCheck).
func TestWrapperName(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "wrappername")
}

// TestDigestHelpers runs the fixture of digestfn.go: a credential hashed
// by another package's helper (two results, a named result, a hash fed
// in steps) and compared with a stored digest is left alone, through
// digestFact; a MAC helper and one that may hand its input back are not.
func TestDigestHelpers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenverify.Analyzer, "digestlib", "digestuse", "digestvendor")
}
