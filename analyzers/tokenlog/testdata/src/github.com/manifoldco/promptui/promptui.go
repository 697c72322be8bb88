// Package promptui is a stand-in for github.com/manifoldco/promptui.
package promptui

// ValidateFunc checks what the user typed.
type ValidateFunc func(string) error

// Prompt asks the user at the terminal for a line of input.
type Prompt struct {
	Label    string
	Mask     rune
	Validate ValidateFunc
}

// Run shows the prompt and returns what the user typed.
func (p *Prompt) Run() (string, error) { return "", nil }

// Select asks the user at the terminal to pick an item.
type Select struct {
	Label string
	Items interface{}
}

// Run shows the list and returns the index and value picked.
func (s *Select) Run() (int, string, error) { return 0, "", nil }
