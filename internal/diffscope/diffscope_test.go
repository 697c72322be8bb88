package diffscope

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const gitPatch = `diff --git a/api/client.go b/api/client.go
index 1111111..2222222 100644
--- a/api/client.go
+++ b/api/client.go
@@ -3,2 +3,3 @@ import "net/http"
 func a() {}
-const base = "https://x"
+const base = "http://x"
+const other = 1
@@ -20,0 +22,2 @@ func b() {
+	x := 1
+	_ = x
@@ -40,3 +43,0 @@ func c() {
-	gone := 1
-	_ = gone
-	return
diff --git a/new.go b/new.go
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.go
@@ -0,0 +1,2 @@
+package p
+const k = "v"
diff --git a/old.go b/old.go
deleted file mode 100644
index 4444444..0000000
--- a/old.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package p
-const k = "v"
diff --git "a/dir/sp ace\tq.go" "b/dir/sp ace\tq.go"
index 5555555..6666666 100644
--- "a/dir/sp ace\tq.go"
+++ "b/dir/sp ace\tq.go"
@@ -1 +1 @@
-package q
+package q // changed
\ No newline at end of file
`

func TestParseGitPatch(t *testing.T) {
	s, err := Parse(strings.NewReader(gitPatch))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Files(), []string{"api/client.go", "dir/sp ace\tq.go", "new.go"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if got, want := s.Ranges("api/client.go"), []Range{{4, 5}, {22, 23}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ranges = %v, want %v", got, want)
	}
	if !s.Whole("new.go") || !s.Contains("new.go", 500, 500) {
		t.Error("a new file counts in every line")
	}
	for _, c := range []struct {
		path       string
		start, end int
		want       bool
	}{
		{"api/client.go", 3, 3, false}, // context line
		{"api/client.go", 4, 4, true},
		{"api/client.go", 5, 0, true}, // end before start: one line
		{"api/client.go", 6, 21, false},
		{"api/client.go", 10, 22, true}, // a multi-line finding that reaches a changed line
		{"api/client.go", 43, 43, false},
		{"old.go", 1, 1, false}, // deleted
		{"dir/sp ace\tq.go", 1, 1, true},
		{"other.go", 1, 1, false},
	} {
		if got := s.Contains(c.path, c.start, c.end); got != c.want {
			t.Errorf("Contains(%q, %d, %d) = %v, want %v", c.path, c.start, c.end, got, c.want)
		}
	}
}

func TestParseContextPatch(t *testing.T) {
	// diff -u with context and timestamps: only + lines count.
	patch := "--- a.go\t2024-01-01 00:00:00\n+++ a.go\t2024-01-02 00:00:00\n@@ -1,4 +1,5 @@\n package p\n \n-var a = 1\n+var a = 2\n+var b = 3\n \n"
	s, err := Parse(strings.NewReader(patch))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Ranges("a.go"), []Range{{3, 4}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ranges = %v, want %v", got, want)
	}
}

func TestParseMalformed(t *testing.T) {
	for name, patch := range map[string]string{
		"short hunk":     "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n",
		"bad header":     "--- a/x\n+++ b/x\n@@ -1,x +1 @@\n+a\n",
		"no closing @@":  "--- a/x\n+++ b/x\n@@ -1 +1\n",
		"too many added": "--- a/x\n+++ b/x\n@@ -1 +1 @@\n+a\n+b\n",
	} {
		if _, err := Parse(strings.NewReader(patch)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

func TestTouches(t *testing.T) {
	s := NewSet()
	s.AddRange("a.go", 10, 12)
	s.AddRange("a.go", 2, 3) // out of order: merged and sorted
	s.AddRange("a.go", 4, 4)
	if got, want := s.Ranges("a.go"), []Range{{2, 4}, {10, 12}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ranges = %v, want %v", got, want)
	}
	// The finding's own line is old, but a step of its flow is new.
	if !s.Touches(Span{"b.go", 1, 1}, Span{"a.go", 11, 11}) {
		t.Error("flow step on a changed line: want Touches")
	}
	if s.Touches(Span{"a.go", 5, 9}, Span{"", 10, 10}) {
		t.Error("no span on a changed line: want !Touches")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(gitPatch)
	f.Add("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n")
	f.Add("--- /dev/null\n+++ b/x\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n")
	f.Fuzz(func(t *testing.T, patch string) {
		s, err := Parse(strings.NewReader(patch))
		if err != nil {
			return
		}
		for _, p := range s.Files() {
			prev := 0
			for _, r := range s.Ranges(p) {
				if r.Start < 1 || r.End < r.Start || r.Start <= prev {
					t.Fatalf("%q: ranges %v not sorted, merged and positive", p, s.Ranges(p))
				}
				prev = r.End + 1
				if !s.Contains(p, r.Start, r.Start) || !s.Contains(p, r.End, r.End) {
					t.Fatalf("%q: range %v not contained", p, r)
				}
			}
		}
	})
}
