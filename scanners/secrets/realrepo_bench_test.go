package secrets

import (
	"context"
	"os"
	"testing"
)

// BenchmarkHistoryRepo scans the full history of the repository named by
// AUTHVET_BENCH_REPO (a clone on disk), with the cache off, so a real
// history can be profiled: go test -bench HistoryRepo -cpuprofile cpu.out.
func BenchmarkHistoryRepo(b *testing.B) {
	dir := os.Getenv("AUTHVET_BENCH_REPO")
	if dir == "" {
		b.Skip("AUTHVET_BENCH_REPO names no repository to scan")
	}
	for i := 0; i < b.N; i++ {
		if _, err := Scan(context.Background(), Options{Root: dir, NoCache: true}); err != nil {
			b.Fatal(err)
		}
	}
}
