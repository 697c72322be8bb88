package secrets

import (
	"sort"
	"strings"

	"github.com/authvet/authvet/internal/finding"
)

// A snippet is redacted by the hits of the scan that built it. Another
// secret of the run can sit on the same line unmatched there (its rule
// matched it in another file or commit, or it was placed at the tip by
// its text alone): knownSecrets hides every secret the run read in every
// snippet, whichever finding shows the line, and the part of one that a
// snippet cut at its edge still shows.

// knownMin is the shortest secret (or line of one) looked for, and the
// length of the pieces the index is keyed by.
const knownMin = 2*finding.RedactKeep + 1

type knownSecrets struct {
	byHead map[string][]string // first knownMin bytes → secrets
	byTail map[string][]string // last knownMin bytes → secrets
	// short are decoded secrets shorter than knownMin (a base64
	// Secret's 8-character password), replaced wherever they occur.
	short []string
}

// decodedMin is the shortest decoded secret looked for.
const decodedMin = 6

func newKnownSecrets(secrets map[string]string) *knownSecrets {
	k := &knownSecrets{byHead: map[string][]string{}, byTail: map[string][]string{}}
	add := func(v string) {
		if len(v) < knownMin {
			return
		}
		h, t := v[:knownMin], v[len(v)-knownMin:]
		k.byHead[h] = append(k.byHead[h], v)
		k.byTail[t] = append(k.byTail[t], v)
	}
	shortSeen := map[string]bool{}
	for _, v := range secrets {
		add(v)
		if strings.Contains(v, "\n") { // a key block: each line of it
			for _, l := range strings.Split(v, "\n") {
				add(strings.TrimSpace(l))
			}
		}
		// What an encoded secret decodes to is the secret too: a
		// Kubernetes Secret's data entry with its password spelled out
		// in a comment on the same line (# base64 of "…").
		for _, l := range decodeLayers(v) {
			d := strings.TrimSpace(l.text)
			if placeholderWords.MatchString(d) {
				// "password", "changeme": hiding the word in every
				// snippet of the run would hide nothing secret.
				continue
			}
			switch {
			case len(d) >= knownMin:
				add(d)
			case len(d) >= decodedMin && !shortSeen[d]:
				shortSeen[d] = true
				k.short = append(k.short, d)
			}
		}
	}
	// Longest first, so that a shorter one inside it does not cut it.
	sort.Slice(k.short, func(i, j int) bool { return len(k.short[i]) > len(k.short[j]) })
	return k
}

// redact returns snip with every known secret in it redacted, and a piece
// of one at either end of a snippet cut there ("…" before or after it)
// replaced by "…".
func (k *knownSecrets) redact(snip string) string {
	for _, d := range k.short {
		if strings.Contains(snip, d) {
			snip = strings.ReplaceAll(snip, d, finding.Redact(d))
		}
	}
	if len(k.byHead) == 0 || len(snip) < knownMin {
		return snip
	}
	var b strings.Builder
	pos, cutEnd := 0, false
	// A snippet cut before a secret's end: it starts with the secret's
	// tail.
	if rest, ok := strings.CutPrefix(snip, "…"); ok {
		if n := k.cutTail(rest); n > 0 {
			b.WriteString("…")
			pos = len("…") + n
		}
	}
	for i := pos; i+knownMin <= len(snip); {
		v, whole := k.at(snip, i)
		switch {
		case v == "":
			i++
			continue
		case whole:
			b.WriteString(snip[pos:i])
			b.WriteString(finding.Redact(v))
			i += len(v)
		default: // a secret's head, cut by the snippet's end
			b.WriteString(snip[pos:i])
			i, cutEnd = len(snip), true
		}
		pos = i
	}
	if pos == 0 {
		return snip
	}
	if cutEnd {
		b.WriteString("…")
	} else {
		b.WriteString(snip[pos:])
	}
	return b.String()
}

// at returns the longest known secret at snip[i:], and whether it is
// there whole; a secret the snippet's cut end ("…") leaves a prefix of
// at i comes back with whole false.
func (k *knownSecrets) at(snip string, i int) (string, bool) {
	best, whole := "", false
	rest := snip[i:]
	cut, isCut := strings.CutSuffix(rest, "…")
	for _, v := range k.byHead[snip[i:i+knownMin]] {
		switch {
		case strings.HasPrefix(rest, v):
			if len(v) > len(best) {
				best, whole = v, true
			}
		case isCut && strings.HasPrefix(v, cut) && best == "":
			best = v
		}
	}
	return best, whole
}

// cutTail returns how many leading bytes of s are the tail of a known
// secret (0: none of at least knownMin bytes).
func (k *knownSecrets) cutTail(s string) int {
	n := 0
	for j := knownMin; j <= len(s); j++ {
		for _, v := range k.byTail[s[j-knownMin:j]] {
			if strings.HasSuffix(v, s[:j]) {
				n = j
			}
		}
	}
	return n
}

// redactKnown applies the run's known secrets to every snippet of groups.
func (s *scan) redactKnown(groups []*group, secrets map[string]string) {
	if len(secrets) == 0 {
		return
	}
	k := newKnownSecrets(secrets)
	for _, g := range groups {
		for _, os := range [][]occurrence{g.occs, g.here, g.allowedHere} {
			for i := range os {
				os[i].snippet = k.redact(os[i].snippet)
			}
		}
	}
}
