package main

import "testing"

// TestCompiledPath: the compiled form goes beside the model written, so
// that a model trained elsewhere (-out) does not overwrite the built-in
// one's compiled form.
func TestCompiledPath(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "analysis/tone/target_model.bin"},
		{[]string{"-out", "/tmp/m.txt"}, "/tmp/m.bin"},
		{[]string{"-out", "/tmp/model"}, "/tmp/model.bin"},
		{[]string{"-out", "/tmp/m.txt", "-compiled", "/tmp/c.bin"}, "/tmp/c.bin"},
		{[]string{"-out", "/tmp/m.txt", "-compiled", ""}, ""},
	} {
		fs, o := newFlags(nil)
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		if got := o.compiledPath(fs); got != c.want {
			t.Errorf("%q: compiled form to %q, want %q", c.args, got, c.want)
		}
	}
}
