// Package ghaction is the logic of authvet's GitHub Action (action.yml),
// kept in Go so that it is tested like the rest: what to scan for the
// event that triggered the workflow, fetching the history a shallow
// checkout lacks, and turning a SARIF report into workflow-command
// annotations, a job summary and step outputs. It reads and writes only
// what it is given; `authvet action` (internal/cli) wires it to the
// runner's environment.
package ghaction

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Event is the part of a webhook payload (GITHUB_EVENT_PATH) the action
// reads.
type Event struct {
	PullRequest *struct {
		Number  int `json:"number"`
		Commits int `json:"commits"`
		Base    struct {
			SHA string `json:"sha"`
			Ref string `json:"ref"`
		} `json:"base"`
		Head struct {
			SHA string `json:"sha"`
			Ref string `json:"ref"`
		} `json:"head"`
	} `json:"pull_request"`
	// Push events.
	Before  string            `json:"before"`
	After   string            `json:"after"`
	Commits []json.RawMessage `json:"commits"`
}

// ReadEvent reads the payload at path.
func ReadEvent(path string) (*Event, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the event payload: %w", err)
	}
	var ev Event
	if err := json.Unmarshal(data, &ev); err != nil {
		return nil, fmt.Errorf("event payload %s: %w", path, err)
	}
	return &ev, nil
}

// Scope kinds.
const (
	ScopeChange = "change" // a pull request's or a push's commits
	ScopeAll    = "all"    // the whole repository
)

// Plan is what one run of the action scans.
type Plan struct {
	Scope string
	// Base and Head name the change (ScopeChange): secrets are scanned in
	// the commits of Base..Head, lint findings count as new on the lines
	// changed since the merge base of Base and the checkout's HEAD.
	Base, Head string
	// Commits is the number of commits in the change, when the event says
	// (it sizes the fetch of a shallow checkout).
	Commits int
	// Describe says in a sentence what was scanned, for the summary.
	Describe string
}

// zeroSHA is what a push event's "before" holds for a new branch.
func zeroSHA(s string) bool { return strings.Trim(s, "0") == "" }

// PlanFor decides what to scan for an event.
func PlanFor(eventName string, ev *Event) (Plan, error) {
	switch eventName {
	case "pull_request", "pull_request_target":
		if ev == nil || ev.PullRequest == nil || ev.PullRequest.Base.SHA == "" || ev.PullRequest.Head.SHA == "" {
			return Plan{}, fmt.Errorf("%s event without pull_request.base.sha and head.sha in GITHUB_EVENT_PATH", eventName)
		}
		pr := ev.PullRequest
		return Plan{
			Scope: ScopeChange, Base: pr.Base.SHA, Head: pr.Head.SHA, Commits: pr.Commits,
			Describe: fmt.Sprintf("pull request #%d: secrets in its %s (%.7s..%.7s), lint findings on the lines it changes", pr.Number, plural(pr.Commits, "commit"), pr.Base.SHA, pr.Head.SHA),
		}, nil
	case "push":
		if ev == nil || ev.After == "" {
			return Plan{}, fmt.Errorf("push event without \"after\" in GITHUB_EVENT_PATH")
		}
		if zeroSHA(ev.After) {
			return Plan{}, fmt.Errorf("push event deletes the branch: nothing to scan")
		}
		if zeroSHA(ev.Before) {
			// A new branch: there is no "before" to diff against.
			return Plan{Scope: ScopeAll, Describe: "push of a new branch: the whole repository"}, nil
		}
		return Plan{
			Scope: ScopeChange, Base: ev.Before, Head: ev.After, Commits: len(ev.Commits),
			Describe: fmt.Sprintf("push: secrets in the pushed %s (%.7s..%.7s), lint findings on the lines they change", plural(len(ev.Commits), "commit"), ev.Before, ev.After),
		}, nil
	}
	return Plan{Scope: ScopeAll, Describe: fmt.Sprintf("%s: the whole repository", eventName)}, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
