package secrets

import (
	"regexp"
	"strings"
)

// roleCacheKey is the key of a cache entry in a GitHub Actions workflow
// (the key and restore-keys inputs of actions/cache, such as sing-box's
// Go version label or ${{ runner.os }}-go-…): it names what is cached,
// and the generic rule takes it for a key only because the input is
// called key.
const roleCacheKey = "the key of an actions/cache entry in a GitHub Actions workflow, which names what is cached"

var (
	// workflowFile is a GitHub Actions workflow or composite action.
	workflowFile = regexp.MustCompile(`(?:^|/)\.github/(?:workflows/[^/]+|actions/[^/]+/action)\.ya?ml$`)
	// cacheKeyInput is the text before a value given to a cache step's
	// key or restore-keys input (or a list item under restore-keys).
	cacheKeyInput = regexp.MustCompile(`^\s*(?:(?:key|restore-keys)\s*:\s*[|>]?-?\s*["']?|-\s+["']?)$`)
	// cacheAction is the uses line of a cache step.
	cacheAction = regexp.MustCompile(`^\s*(?:-\s+)?uses\s*:\s*["']?actions/cache(?:/(?:restore|save))?@`)
	// stepStart opens a step: a list item at the steps' level.
	stepStart = regexp.MustCompile(`^\s*-\s+\w`)
)

// cacheKey reports whether the value at start is an actions/cache key:
// the line gives the key or restore-keys input, and the step it is in
// (read upwards until the step's first line) uses actions/cache.
func cacheKey(p, text string, ls, start int) bool {
	if !workflowFile.MatchString(p) || !cacheKeyInput.MatchString(text[ls:start]) {
		return false
	}
	if strings.HasPrefix(strings.TrimSpace(text[ls:start]), "-") && !underRestoreKeys(text, ls) {
		return false
	}
	found := false
	linesAbove(text, ls, 20, func(l string, _ int) bool {
		found = cacheAction.MatchString(l)
		return found || stepStart.MatchString(l)
	})
	return found
}

// underRestoreKeys reports whether the list item at ls belongs to a
// restore-keys input: the nearest line above it that is not a list item
// opens that input.
func underRestoreKeys(text string, ls int) bool {
	end := ls
	for i := 0; i < 10 && end > 0; i++ {
		from := strings.LastIndexByte(text[:end-1], '\n') + 1
		line := strings.TrimSpace(text[from : end-1])
		if !strings.HasPrefix(line, "-") {
			return strings.HasPrefix(line, "restore-keys:")
		}
		end = from
	}
	return false
}
