package keyformats

import (
	"reflect"
	"sync"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// Rules are compiled once per process, at their first use, not per call:
// classifying a key after that allocates a handful of objects, where
// compiling the rule's regex allocates hundreds.
func TestRulesCompiledOnce(t *testing.T) {
	s := `token = "` + testkeys.GitHub(9) + `"`
	if len(Classify(s)) == 0 {
		t.Fatal("the sample is not classified")
	}
	allocs := testing.AllocsPerRun(20, func() { Classify(s) })
	t.Logf("%v allocations per call", allocs)
	if allocs > 30 {
		t.Fatalf("classifying a key allocates %v objects: are the rules compiled per call?", allocs)
	}
}

// Classify is safe for concurrent use, including the first use of each
// rule (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	inputs := []string{testkeys.AWS(1), testkeys.GitHub(2), testkeys.Stripe(3), testkeys.Slack(4), testkeys.PrivateKey(5)}
	got := make([][][]Match, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range inputs {
				got[g] = append(got[g], Classify(s))
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for i, s := range inputs {
			if want := Classify(s); !reflect.DeepEqual(got[g][i], want) || len(want) == 0 {
				t.Errorf("goroutine %d: Classify(input %d) = %+v, want %+v", g, i, got[g][i], want)
			}
		}
	}
}
