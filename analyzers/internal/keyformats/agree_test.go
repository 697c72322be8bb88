package keyformats

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// scannerClassify is the secret scanner's classification without the
// generic rules, which keyformats leaves out.
func scannerClassify(s string) []Match {
	var out []Match
	for _, m := range gitleaksrules.Classify(s) {
		if gitleaksrules.IsGeneric(m.RuleID) {
			continue
		}
		out = append(out, Match{RuleID: m.RuleID, Description: m.Description, Provider: m.Provider, Start: m.Start, End: m.End})
	}
	return out
}

func agree(t *testing.T, s string) []Match {
	t.Helper()
	got, want := Classify(s), scannerClassify(s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Classify(%q):\n got %+v\nwant %+v (gitleaksrules.Classify)", s, got, want)
	}
	return got
}

// The sample keys of scanners/testkeys, alone, in assignments and in
// prose, are classified as the secret scanner classifies them.
func TestAgreesOnSampleKeys(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		keys := map[string]string{
			"aws-access-token":    testkeys.AWS(seed),
			"github-pat":          testkeys.GitHub(seed),
			"stripe-access-token": testkeys.Stripe(seed),
			"slack-bot-token":     testkeys.Slack(seed),
			"private-key":         testkeys.PrivateKey(seed),
		}
		for rule, k := range keys {
			ms := agree(t, k)
			if len(ms) == 0 || ms[0].RuleID != rule {
				t.Errorf("Classify(%s sample) = %+v, want rule %s first", rule, ms, rule)
			}
			agree(t, `token = "`+k+`"`)
			agree(t, "the key is "+k+" (rotate it)")
			agree(t, k+" gitleaks:allow")
		}
		// Values no specific rule takes: generic-looking random strings
		// and hex, alone and under credential names.
		for _, v := range []string{testkeys.Generic(seed), testkeys.Hex(seed, 40), testkeys.Hex(seed, 64)} {
			agree(t, v)
			agree(t, `api_key = "`+v+`"`)
			agree(t, `heroku_api_key = "`+v+`"`)
			agree(t, `datadog_app_key: `+v)
		}
	}
	// Placeholders and near misses.
	for _, s := range []string{
		"AKIAIOSFODNN7EXAMPLE",
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"sk_live_abcdefghijklmnopqrstuvwxyz",
		"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
		"short",
		"",
		"just some words in a sentence that mention a token",
	} {
		agree(t, s)
	}
}

// Strings drawn at random from every rule's own regex, alone and after a
// keyword assignment, are classified as the secret scanner classifies
// them, and most rules match at least one of their samples (so that the
// comparison is not only over empty results).
func TestAgreesOnRuleSamples(t *testing.T) {
	n := 12
	if testing.Short() {
		n = 3
	}
	r := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for i := range rules {
		spec := &rules[i]
		re, err := syntax.Parse(spec.regex, syntax.Perl)
		if err != nil {
			t.Fatalf("rule %s: %v", spec.id, err)
		}
		hit := false
		for j := 0; j < n; j++ {
			var b strings.Builder
			sample(r, re, &b, 0)
			s := b.String()
			kw := spec.keywords[r.IntN(len(spec.keywords))]
			for _, text := range []string{s, kw + `_key = "` + s + `"`, "x := " + s + "\n// done"} {
				for _, m := range agree(t, text) {
					if m.RuleID == spec.id {
						hit = true
					}
				}
			}
		}
		if hit {
			matched++
		}
	}
	t.Logf("%d of %d rules matched one of their own samples", matched, len(rules))
	if matched < len(rules)*3/4 {
		t.Errorf("only %d of %d rules matched one of their own samples: the sampler does not exercise the rules", matched, len(rules))
	}
}

// sample appends to b a random string that re matches where its
// assertions (\b, ^, $) hold.
func sample(r *rand.Rand, re *syntax.Regexp, b *strings.Builder, depth int) {
	rep := func(lo, hi int) {
		if hi < 0 || hi > lo+3 {
			hi = lo + 3
		}
		for k := lo + r.IntN(hi-lo+1); k > 0; k-- {
			sample(r, re.Sub[0], b, depth+1)
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && r.IntN(2) == 0 {
				c = []rune(strings.ToUpper(string(c)))[0]
			}
			b.WriteRune(c)
		}
	case syntax.OpCharClass:
		b.WriteRune(classRune(r, re.Rune))
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		b.WriteByte(byte('!' + r.IntN('~'-'!')))
	case syntax.OpCapture:
		sample(r, re.Sub[0], b, depth+1)
	case syntax.OpStar:
		rep(0, 3)
	case syntax.OpPlus:
		rep(1, 4)
	case syntax.OpQuest:
		rep(0, 1)
	case syntax.OpRepeat:
		rep(re.Min, re.Max)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			sample(r, sub, b, depth+1)
		}
	case syntax.OpAlternate:
		sample(r, re.Sub[r.IntN(len(re.Sub))], b, depth+1)
	}
}

// classRune picks a rune of a class, printable ASCII where the class has
// any.
func classRune(r *rand.Rand, ranges []rune) rune {
	var ascii []rune
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := max(ranges[i], ' '), min(ranges[i+1], '~')
		if lo <= hi {
			ascii = append(ascii, lo, hi)
		}
	}
	if len(ascii) == 0 {
		ascii = ranges
	}
	k := r.IntN(len(ascii)/2) * 2
	return ascii[k] + rune(r.IntN(int(ascii[k+1]-ascii[k]+1)))
}

func ExampleClassify() {
	for _, m := range Classify(`token = "` + testkeys.GitHub(7) + `"`) {
		fmt.Println(m.RuleID, m.Provider, m.Start, m.End)
	}
	// Output: github-pat GitHub 9 49
}

// benchLiterals are string literals as Go code holds them: messages,
// URLs, identifiers, and a few keys under names.
var benchLiterals = []string{
	"failed to read configuration file",
	"https://api.example.com/v1/videos?limit=10",
	"application/json; charset=utf-8",
	"Authorization",
	"SELECT id, name FROM users WHERE email = $1",
	"github.com/authvet/authvet/internal/lint",
	`token = "` + testkeys.GitHub(3) + `"`,
	testkeys.AWS(4),
	`api_key = "` + testkeys.Generic(5) + `"`,
	"2006-01-02T15:04:05Z07:00",
	"the access token expired; request a new one with the refresh token",
	testkeys.PrivateKey(6),
}

// BenchmarkClassify compares keyformats with the secret scanner's
// classification of the same literals.
func BenchmarkClassify(b *testing.B) {
	b.Run("keyformats", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range benchLiterals {
				Classify(s)
			}
		}
	})
	b.Run("gitleaksrules", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range benchLiterals {
				gitleaksrules.Classify(s)
			}
		}
	})
}
