package gitleaksrules

import (
	"fmt"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

func TestMaxNewlines(t *testing.T) {
	for _, c := range []struct {
		expr string
		want int // -1: unbounded
	}{
		{`abc`, 0},
		{`a\nb`, 1},
		{`a\s{0,3}b`, 3},
		{`a[\s'"]{0,3}=[\x60'"\s=]{0,5}v`, 8},
		{`a\s*b`, -1},
		{`a.*b`, 0},
		{`(?s)a.{0,4}b`, 4},
		{`(?s)a.*b`, -1},
		{`a(?:\n|x\n\n)b`, 2},
		{`a[^x]{2}`, 2},
		{`^key=\S+$`, 0},
		{`\bkey\b`, 0},
		{`(?:\r?\n){1,5}`, 5},
		{`[\r\n]+`, -1},
		{`-----BEGIN[\s\S-]{64,}?KEY-----`, -1},
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := maxNewlines(re)
		if !ok {
			n = -1
		}
		if n != c.want {
			t.Errorf("maxNewlines(%s) = %d, want %d", c.expr, n, c.want)
		}
	}
}

func TestWindowsCoverLines(t *testing.T) {
	text := "l0\nl1\nl2\nl3 key\nl4\nl5\nl6\nl7"
	q := strings.Index(text, "key")
	// maxNL 1: lines 2..4 hold any match, widened to 1..5; the window
	// starts at the newline that ends line 0 and ends after line 5's.
	got := windows(text, []int{q}, 1)
	want := []span{{strings.Index(text, "\nl1"), strings.Index(text, "l6")}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("windows = %v, want %v (%q)", got, want, text[got[0].start:got[0].end])
	}
	// At the text's edges the window is cut there.
	got = windows("key\nx", []int{0}, 3)
	if want := []span{{0, 5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("edge windows = %v, want %v", got, want)
	}
	// Close positions merge into one window.
	text = strings.Repeat("x\n", 20) + "key\n" + strings.Repeat("x\n", 3) + "key\n" + strings.Repeat("x\n", 20)
	a, b := strings.Index(text, "key"), strings.LastIndex(text, "key")
	if got := windows(text, []int{a, b}, 2); len(got) != 1 {
		t.Errorf("close positions gave %d windows, want 1", len(got))
	}
	// With maxNL 0 they are lines 19..21 and 23..25: two windows, the
	// second starting at the newline that ends line 22.
	got = windows(text, []int{a, b}, 0)
	if len(got) != 2 || got[1].start <= got[0].end-1 || text[got[1].start] != '\n' {
		t.Errorf("distant positions gave %v", got)
	}
}

// windowTexts returns texts that put rule matches near each other, near
// the text's edges, across lines, with and without a final newline.
func windowTexts(t *testing.T) []string {
	texts := corpus(t)
	var keys []string
	for i := range 8 {
		keys = append(keys, testkeys.GitHub(uint64(i)), testkeys.AWS(uint64(i)), testkeys.Stripe(uint64(i)),
			testkeys.Slack(uint64(i)), testkeys.Generic(uint64(i)))
	}
	filler := []string{"", "x := 1", "func f() {", "}", "// a comment with token and key words", "\t\treturn nil"}
	for i, k := range keys {
		var b strings.Builder
		for j := range 12 {
			b.WriteString(filler[(i+j)%len(filler)])
			b.WriteString("\n")
			switch (i + j) % 7 {
			case 0:
				fmt.Fprintf(&b, "api_key = %q\n", k)
			case 1:
				fmt.Fprintf(&b, "token:\n\n  %s\n", k) // value lines after the key
			case 2:
				fmt.Fprintf(&b, "secret =\t'%s';", k) // no newline: joins the next line
			case 3:
				fmt.Fprintf(&b, "password = \"%s\"\r\n", k)
			case 4:
				fmt.Fprintf(&b, "%s\n", k)
			}
		}
		s := b.String()
		// Padding makes the windows a small part of the text (else the
		// rule runs on the whole text); matches also sit at its edges.
		pad := strings.Repeat("\tn := len(xs) // plain code\n", 60)
		texts = append(texts, pad+s+pad, s+pad, pad+strings.TrimRight(s, "\n"),
			pad+"token = "+k, k+"\nkey = "+k+"\n"+pad)
	}
	// Long lines (minified code, data files), where line windows would
	// be the whole text and byte windows apply.
	for i, k := range keys {
		var b strings.Builder
		for j := range 400 {
			switch (i + j) % 97 {
			case 0:
				fmt.Fprintf(&b, "var twitter_secret=%q;", strings.ToLower(k))
			case 13:
				fmt.Fprintf(&b, "heroku_key:'%s',", k)
			case 41:
				fmt.Fprintf(&b, "%s ", k)
			default:
				fmt.Fprintf(&b, "function f%d(a){return a+%d};", j, j)
			}
		}
		texts = append(texts, b.String(), "x\n"+b.String()+"\n", b.String()[:len(b.String())/3])
	}
	// Case folding that a lower-case literal search would miss.
	texts = append(texts, "\u212aey = \""+keys[4]+"\"\n", "\u017fecret = \""+keys[9]+"\"\n")
	return texts
}

// TestWindowsFindTheSameMatches checks, rule by rule, that running a
// windowed rule's regex only in its windows finds exactly the matches
// of the whole text.
func TestWindowsFindTheSameMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("compares with gitleaks over a large corpus: minutes under -race; the plain test run covers it")
	}
	p := Default().route.rules
	windowed, compared, withMatches, byteRuns, byteMatches := 0, 0, 0, 0, 0
	for _, text := range windowTexts(t) {
		lower := sync1(func() string { return ToLowerASCII(text) })
		for i := range p.rules {
			e := &p.rules[i]
			if e.win == nil {
				continue
			}
			if e.lits != nil && !containsAny(text, strings.ToLower(text), e.lits, e.fold) {
				continue
			}
			spans, byBytes := e.win.spans(text, lower)
			if spans == nil {
				continue
			}
			windowed++
			if byBytes {
				byteRuns++
			}
			want := e.rule.Regex.FindAllStringIndex(text, -1)
			got := findAll(e.rule.Regex, text, spans)
			compared++
			if len(want) > 0 {
				withMatches++
				if byBytes {
					byteMatches++
				}
			}
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("%s: windows %v on %q…: got %v, want %v", e.id, spans, text[:min(len(text), 80)], got, want)
			}
		}
	}
	t.Logf("%d windowed runs compared (%d in byte windows), %d with matches (%d in byte windows)", compared, byteRuns, withMatches, byteMatches)
	if windowed == 0 || withMatches < 50 || byteMatches < 20 {
		t.Errorf("only %d windowed runs with matches, %d in byte windows: the test proves little", withMatches, byteRuns)
	}
}

func sync1(f func() string) func() string {
	var v string
	done := false
	return func() string {
		if !done {
			v, done = f(), true
		}
		return v
	}
}

func TestMaxWidth(t *testing.T) {
	for _, c := range []struct {
		expr string
		want int // -1: unbounded
	}{
		{`abc`, 3},
		{`(?i)abc`, 3},
		{`(?i)key`, 5},       // k folds to the Kelvin sign, 3 bytes
		{`(?i)s`, 2},         // s folds to the long s, 2 bytes
		{`[a-z0-9]{32}`, 32}, // ASCII class
		{`[^x]{2}`, 8},       // any rune: up to 4 bytes
		{`\bAKIA[A-Z2-7]{16}\b`, 20},
		{`a(?:bc|d)?`, 3},
		{`x+`, -1},
		{`[a-z]{11,}`, -1},
		{`(?:)*`, 0},
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := maxWidth(re); got != c.want {
			t.Errorf("maxWidth(%s) = %d, want %d", c.expr, got, c.want)
		}
	}
}
