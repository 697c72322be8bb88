package secrets

import (
	"context"
	"strings"
)

// A secret not at the scanned tip was deleted since, if the tip's
// history holds it; a scan of every ref also finds secrets that only
// other branches or tags ever held (a feature branch never merged), and
// "deleted since" would be wrong there: the branch may still have it.
// markOffHead tells them apart with one rev-list of the tip, in a scan
// of all refs that left some secret off the tip. A rev-list that fails
// leaves every message as it was.

// markOffHead marks the groups not present at head whose every
// occurrence is in a commit head does not contain.
func (s *scan) markOffHead(ctx context.Context, head string, groups []*group) {
	if s.opts.Mode != History || s.opts.Branch != "" || head == "" {
		return
	}
	var gone []*group
	for _, g := range groups {
		if !g.present {
			gone = append(gone, g)
		}
	}
	if len(gone) == 0 {
		return
	}
	out, err := s.repo.output(ctx, "rev-list", head, "--")
	if err != nil {
		return
	}
	onHead := make(map[string]bool, strings.Count(out, "\n"))
	for _, sha := range strings.Fields(out) {
		onHead[sha] = true
	}
	for _, g := range gone {
		off := len(g.occs) > 0
		for _, o := range g.occs {
			if o.commit == nil || onHead[o.commit.SHA] {
				off = false
				break
			}
		}
		g.offHead = off
	}
}
