// Package textinput is a stand-in for github.com/erikgeiser/promptkit/textinput.
package textinput

// TextInput is a prompt for a line of text.
type TextInput struct {
	Hidden bool
}

// New returns a prompt.
func New(prompt string) *TextInput { return &TextInput{} }

// RunPrompt shows the prompt and returns what the user typed.
func (t *TextInput) RunPrompt() (string, error) { return "", nil }
