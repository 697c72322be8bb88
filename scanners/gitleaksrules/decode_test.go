package gitleaksrules

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// Encoders gitleaks' decoder undoes, applied at run time so that no
// encoded secret sits in the source.
func b64(s string) string    { return base64.StdEncoding.EncodeToString([]byte(s)) }
func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
func hexOf(s string) string  { return hex.EncodeToString([]byte(s)) }

// pct percent-encodes every byte, as a URL-encoded blob would.
func pct(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}

// uni writes every byte as a \uXXXX escape.
func uni(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		fmt.Fprintf(&b, `\u%04x`, s[i])
	}
	return b.String()
}

// encodedCorpus returns fragments with secrets under every encoding
// gitleaks decodes, nested up to and past its maximum depth, next to
// plain secrets and to encoded text that hides nothing.
func encodedCorpus() []string {
	type enc struct {
		name string
		f    func(string) string
	}
	encs := []enc{{"b64", b64}, {"b64url", b64url}, {"hex", hexOf}, {"pct", pct}, {"uni", uni}}
	var frags []string
	for i := range 30 {
		seed := uint64(1000 + i)
		k := []string{testkeys.GitHub(seed), testkeys.AWS(seed), testkeys.Stripe(seed), testkeys.Slack(seed), testkeys.Generic(seed), testkeys.Hex(seed, 40)}[i%6]
		payloads := []string{
			k,
			`api_key = "` + k + `"`,
			"password: " + k,
			`{"client_secret":"` + k + `"}`,
			"Authorization: Bearer " + k,
		}
		for pi, p := range payloads {
			for ei, e := range encs {
				one := e.f(p)
				// Nest a second and a third encoding, varying the order.
				two := encs[(ei+pi+1)%len(encs)].f(one)
				three := encs[(ei+2*pi+2)%len(encs)].f(two)
				frags = append(frags,
					fmt.Sprintf("x := %q\n", one),
					"data: "+two+"\n",
					"v = '"+three+"'",
					// The key name outside the segment, the value inside.
					`secret = "`+e.f(k)+`"`,
					// Two segments on a line, one hiding nothing.
					fmt.Sprintf("a=%s b=%s\n", b64("just some harmless text here"), one),
					// Multi-line, the encoded secret on a later line, CRLF.
					"line one\r\nline two "+one+"\r\nline three token\r\n",
					// Allowed by gitleaks' inline marker.
					"y := \""+one+"\" // gitleaks:allow\n",
				)
			}
		}
		// Deeper than gitleaks decodes (5 levels): the 6th is left alone.
		deep := `token = "` + k + `"`
		for d := range 7 {
			deep = encs[d%2].f(deep)
			frags = append(frags, "deep: "+deep+"\n")
		}
		// A plain secret beside an encoded one.
		frags = append(frags, fmt.Sprintf("a := %q\nb := %q\n", k, b64("token="+testkeys.Generic(seed+7))))
		// A private key, base64-encoded whole (it spans lines inside).
		if i%10 == 0 {
			frags = append(frags, "key: "+b64(testkeys.PrivateKey(seed))+"\n")
		}
	}
	// Encoded text that decodes to nothing secret, and a vendored-like
	// blob of many segments.
	var blob strings.Builder
	for i := range 200 {
		fmt.Fprintf(&blob, "\t%q,\n", b64(fmt.Sprintf("harmless value number %d with some words", i)))
		if i == 150 {
			fmt.Fprintf(&blob, "\t%q,\n", b64(`auth_token: "`+testkeys.Generic(77)+`"`))
		}
	}
	frags = append(frags, blob.String(), hexOf("plain words only, nothing to see")+"\n")
	return frags
}

// TestDecodedPassesAreExact checks the decoding passes of decode.go
// against gitleaks' full detector on encoded secrets of every kind.
func TestDecodedPassesAreExact(t *testing.T) {
	if testing.Short() {
		t.Skip("compares with gitleaks over a large corpus: minutes under -race; the plain test run covers it")
	}
	r := Default().route
	if r.rules == nil {
		t.Fatal("per-rule route not enabled for the default rules")
	}
	frags := encodedCorpus()
	kinds := map[string]int{}
	for _, text := range frags {
		for _, f := range checkExact(t, r, text, true) {
			for _, tag := range f.Tags {
				if strings.HasPrefix(tag, "decoded:") || strings.HasPrefix(tag, "decode-depth:") {
					kinds[tag]++
				}
			}
		}
		checkExact(t, r, text, false)
	}
	t.Logf("%d fragments; decoded findings by tag: %v", len(frags), kinds)
	// The corpus must exercise every decoder and nesting, or the test
	// proves little.
	for _, tag := range []string{"decoded:base64", "decoded:hex", "decoded:percent", "decoded:unicode", "decode-depth:1", "decode-depth:2", "decode-depth:3", "decode-depth:5"} {
		if kinds[tag] == 0 {
			t.Errorf("no decoded finding tagged %s", tag)
		}
	}
}
