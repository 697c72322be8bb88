package secrets

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/authvet/authvet/scanners/testkeys"
)

// The benchmarks run on a repository they generate (with git
// fast-import): benchCommits commits of Go-like code that mentions
// tokens, keys and passwords (so gitleaks' keyword prefilter lets the
// expensive generic rule run, as on real code), with a planted key every
// 50 commits.
//
//	go test -run XXX -bench . -benchtime 3x ./scanners/secrets
//
// BenchmarkGitleaksCLI runs the gitleaks v8.30.1 CLI on the same
// repository: the one on PATH or named by AUTHVET_GITLEAKS, else one it
// builds from the module cache (offline), else it is skipped.
const benchCommits = 3000

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func benchRepo(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git not installed")
	}
	benchOnce.Do(func() {
		benchDir = filepath.Join(os.TempDir(), fmt.Sprintf("authvet-secrets-bench-%d", benchCommits))
		if _, err := os.Stat(filepath.Join(benchDir, ".git", "authvet-bench-done")); err == nil {
			return
		}
		os.RemoveAll(benchDir)
		benchErr = generateRepo(benchDir, benchCommits)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

const codeTemplate = `
// refreshToken%[1]d exchanges the refresh token for a new access token.
func (c *Client) refreshToken%[1]d(ctx context.Context, userID int) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", c.baseURL+"/oauth/token", nil)
	if err != nil {
		return "", fmt.Errorf("building auth request %[1]d: %%w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	cacheKey := fmt.Sprintf("user:%%d:%[1]d", userID)
	password := os.Getenv("DB_PASSWORD")
	secretName := c.secrets.Name(cacheKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ AccessToken string ` + "`json:\"access_token\"`" + ` }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("decoding token for %%s (%%d): %%w", secretName, len(password), err)
	}
	return out.AccessToken, nil
}
`

func generateRepo(dir string, commits int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	run := func(stdin *os.File, args ...string) error {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Stdin = stdin
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("git %v: %v: %s", args, err, out)
		}
		return nil
	}
	if err := run(nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	stream, err := os.CreateTemp("", "fastimport")
	if err != nil {
		return err
	}
	defer os.Remove(stream.Name())
	w := bufio.NewWriter(stream)
	files := map[string]*strings.Builder{}
	fn := 0
	for c := 1; c <= commits; c++ {
		var changed []string
		for k := 0; k < 2; k++ {
			path := fmt.Sprintf("pkg%d/file%d.go", (c+k*7)%40, (c*3+k)%25)
			sb := files[path]
			if sb == nil {
				sb = &strings.Builder{}
				fmt.Fprintf(sb, "package pkg%d\n", (c+k*7)%40)
				files[path] = sb
			}
			fn++
			fmt.Fprintf(sb, codeTemplate, fn)
			if c%50 == 0 && k == 0 {
				fmt.Fprintf(sb, "\nvar plantedKey%d = %q\n", c, plantedKey(c))
			}
			// Files are rewritten, not grown without bound: keep the
			// last ~40 functions so that history, not file size, grows.
			if sb.Len() > 40*len(codeTemplate) {
				s := sb.String()
				sb.Reset()
				sb.WriteString(s[len(s)/2:])
			}
			changed = append(changed, path)
		}
		ts := 1600000000 + c*600
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter Bench <bench@example.com> %d +0000\ndata <<EOM\ncommit %d\nEOM\n", ts, c)
		for _, p := range changed {
			data := files[p].String()
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", p, len(data), data)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	stream.Seek(0, 0)
	if err := run(stream, "fast-import", "--quiet"); err != nil {
		return err
	}
	if err := run(nil, "reset", "-q", "--hard", "main"); err != nil {
		return err
	}
	if err := run(nil, "gc", "-q"); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".git", "authvet-bench-done"), nil, 0o644)
}

func plantedKey(c int) string {
	switch c % 4 {
	case 0:
		return testkeys.GitHub(uint64(c))
	case 1:
		return testkeys.AWS(uint64(c))
	case 2:
		return testkeys.Stripe(uint64(c))
	}
	return testkeys.Slack(uint64(c))
}

func diffBytes(b *testing.B, dir string) int64 {
	cmd := exec.Command("git", "-C", dir, "log", "-p", "-U0", "--all")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Start()
	var n int64
	buf := make([]byte, 1<<20)
	for {
		k, err := out.Read(buf)
		n += int64(k)
		if err != nil {
			break
		}
	}
	cmd.Wait()
	return n
}

func BenchmarkHistoryCold(b *testing.B) {
	dir := benchRepo(b)
	size := diffBytes(b, dir)
	b.ResetTimer()
	var res *Result
	for i := 0; i < b.N; i++ {
		var err error
		res, err = Scan(context.Background(), Options{Root: dir, NoCache: true})
		if err != nil {
			b.Fatal(err)
		}
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(benchCommits)/perOp, "commits/s")
	b.ReportMetric(float64(size)/perOp/1e6, "MB/s")
	if len(res.Findings) != benchCommits/50 {
		b.Errorf("found %d secrets, planted %d", len(res.Findings), benchCommits/50)
	}
}

func BenchmarkHistoryColdOneGit(b *testing.B) {
	dir := benchRepo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Scan(context.Background(), Options{Root: dir, NoCache: true, GitProcs: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchCommits)/(b.Elapsed().Seconds()/float64(b.N)), "commits/s")
}

func BenchmarkHistoryWarm(b *testing.B) {
	dir := benchRepo(b)
	cache := b.TempDir()
	if _, err := Scan(context.Background(), Options{Root: dir, CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Scan(context.Background(), Options{Root: dir, CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		if res.Coverage.CommitsScanned != 0 {
			b.Fatalf("warm scan read %d commits", res.Coverage.CommitsScanned)
		}
	}
	b.ReportMetric(float64(benchCommits)/(b.Elapsed().Seconds()/float64(b.N)), "commits/s")
}

func BenchmarkStaged5Files(b *testing.B) {
	dir := benchRepo(b)
	// A throwaway worktree with a 5-file staged change.
	wt := filepath.Join(b.TempDir(), "wt")
	if out, err := exec.Command("git", "-C", dir, "worktree", "add", "-q", "--detach", wt).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	defer exec.Command("git", "-C", dir, "worktree", "remove", "--force", wt).Run()
	for i := 0; i < 5; i++ {
		p := filepath.Join(wt, fmt.Sprintf("pkg%d/file%d.go", i, i))
		f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		fmt.Fprintf(f, codeTemplate, 100000+i)
		f.Close()
	}
	exec.Command("git", "-C", wt, "add", "-A").Run()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		res, err := Scan(context.Background(), Options{Root: wt, Mode: Staged})
		if err != nil {
			b.Fatal(err)
		}
		if res.Coverage.FilesScanned != 5 {
			b.Fatalf("scanned %d files", res.Coverage.FilesScanned)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			b.Errorf("staged scan took %v, target < 0.5s", d)
		}
	}
}

func BenchmarkGitLogFloor(b *testing.B) {
	dir := benchRepo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		diffBytes(b, dir)
	}
	b.ReportMetric(float64(benchCommits)/(b.Elapsed().Seconds()/float64(b.N)), "commits/s")
}

func BenchmarkGitleaksCLI(b *testing.B) {
	bin := os.Getenv("AUTHVET_GITLEAKS")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("gitleaks"); err != nil {
			if bin, err = buildGitleaks(b.TempDir()); err != nil {
				b.Skipf("gitleaks not installed (set AUTHVET_GITLEAKS), and building it from the module cache failed: %v", err)
			}
		}
	}
	dir := benchRepo(b)
	// Never pass /dev/null as the report path: gitleaks probes the path
	// by creating and then removing it, which deletes /dev/null when run
	// as root.
	report := filepath.Join(b.TempDir(), "gitleaks.json")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "git", "--no-banner", "--log-level", "error", "--exit-code", "0", "--report-format", "json", "--report-path", report, dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v %s", err, out)
		}
	}
	b.ReportMetric(float64(benchCommits)/(b.Elapsed().Seconds()/float64(b.N)), "commits/s")
}

// buildGitleaks builds the gitleaks CLI of the version authvet links
// (v8.30.1) into dir, from the module cache only: benchmarks never reach
// the network. It works where the gitleaks module's dependencies have
// been downloaded (go mod download does it for authvet's own build).
func buildGitleaks(dir string) (string, error) {
	mod := filepath.Join(dir, "mod")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return "", err
	}
	gomod := "module gitleaksbench\n\ngo 1.24\n\nrequire github.com/zricethezav/gitleaks/v8 v8.30.1\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "gitleaks")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/zricethezav/gitleaks/v8")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOSUMDB=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return bin, nil
}

// BenchmarkLongLineHits scans a 220 KB one-line JSON file with 3,000
// generic API keys: every hit's triage reads its line, so the cost must
// grow with the hits, not with hits times the line's length (before the
// line window, one such file took over ten minutes).
func BenchmarkLongLineHits(b *testing.B) {
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("{")
	for i := 0; i < 3000; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `"item%d":{"api_key":"%s","type":"string"}`, i, fmt.Sprintf("%08x%08xQz%08x%06d", i*2654435761, i*40503, i*97, i))
	}
	sb.WriteString("}\n")
	if err := os.WriteFile(filepath.Join(dir, "schema.json"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Scan(context.Background(), Options{Root: dir, Mode: Directory})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}
