package config

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely misspelling (at most a third of the
// candidate's length, and at most 3 edits), else "".
func closest(s string, candidates []string) string {
	best, bestD := "", 4
	for _, c := range candidates {
		d := distance(s, c)
		if d < bestD && d*3 <= len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, with a
// transposition of neighbours counted as one edit (the commonest typo).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 256 || len(rb) > 256 {
		// Far too long to be a misspelt key; keep the work bounded.
		return 1 << 20
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
