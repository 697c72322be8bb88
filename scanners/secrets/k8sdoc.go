package secrets

import (
	"regexp"
	"strings"
)

// roleNotSecretData is a kubernetes-secret-yaml match whose entry is not
// in the Secret's data: the rule's pattern lets up to a hundred bytes
// of anything run between "data:" and the entry it captures, so a
// Secret whose data entries are all empty (a Helm-rendered manifest
// before its values are filled in) matched the "# Source: chart/pvc.yaml"
// comment that opens the next document after "---" (keel's deployment
// manifests).
const roleNotSecretData = "not an entry of a Secret's data (the match ran from an empty data: block into the next YAML document)"

// dataKey is the line that opens a Secret's data (or stringData) block.
var dataKey = regexp.MustCompile(`^\s*(?:data|stringData):\s*(?:#.*)?$`)

// dataLookback bounds how many lines above an entry notSecretData reads
// for its data: key; the rule lets a hundred bytes run between them.
const dataLookback = 40

// notSecretData reports whether the kubernetes-secret-yaml entry on the
// line starting at ls lies outside the data block the match began at:
// past a "---" document separator below the nearest data: key above it.
// A comment inside the data block is still judged: a commented-out entry
// holds a value someone used.
func notSecretData(text string, ls int) bool {
	crossed := false
	linesAbove(text, ls, dataLookback, func(l string, _ int) bool {
		if dataKey.MatchString(l) {
			return true
		}
		if strings.TrimRight(l, " \t\r") == "---" {
			crossed = true
			return true
		}
		return false
	})
	return crossed
}
