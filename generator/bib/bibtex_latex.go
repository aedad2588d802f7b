package bib

import (
	"strings"
	"unicode/utf8"
)

// latexToText turns the LaTeX of a BibTeX value into plain text: accents
// become accented letters, escapes their character, -- and --- dashes, ~ a
// non-breaking space, formatting commands and protective braces disappear.
func latexToText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '{', '}', '$':
			i++
		case '~':
			b.WriteRune('\u00a0')
			i++
		case '-':
			n := 0
			for i < len(s) && s[i] == '-' {
				n++
				i++
			}
			b.WriteString(strings.Repeat("—", n/3))
			b.WriteString([]string{"", "-", "–"}[n%3])
		case '`':
			if strings.HasPrefix(s[i:], "``") {
				b.WriteString("“")
				i += 2
			} else {
				b.WriteString("‘")
				i++
			}
		case '\'':
			if strings.HasPrefix(s[i:], "''") {
				b.WriteString("”")
				i += 2
			} else {
				b.WriteByte(c)
				i++
			}
		case '\\':
			i = latexCommand(s, i, &b)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return cleanText(b.String())
}

// latexVerbatim reads a DOI or URL: \url{} unwrapped, escapes undone, braces
// and line breaks removed, but ~ and -- left as they are.
func latexVerbatim(s string) string {
	if m := urlCommand.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("_%#&$~{}/", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '{' || c == '}' || isSpaceByte(c):
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// latexCommand writes the text of the command whose backslash is at s[i] and
// returns the offset after what it used.
func latexCommand(s string, i int, b *strings.Builder) int {
	if i+1 >= len(s) {
		return i + 1
	}
	c := s[i+1]
	if !isLetter(c) {
		// A control symbol: \" \' \& \% ...
		switch {
		case strings.IndexByte("\"'`^~=.", c) >= 0:
			return applyAccent(s, i+2, accents[string(c)], b)
		case strings.IndexByte("&%$#_{}", c) >= 0:
			b.WriteByte(c)
		case strings.IndexByte("\\ \t\r\n,;:", c) >= 0:
			b.WriteByte(' ')
		case strings.IndexByte("!-/@", c) >= 0:
		case c >= utf8.RuneSelf:
			return i + 1
		default:
			b.WriteByte(c)
		}
		return i + 2
	}
	j := i + 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	name := s[i+1 : j]
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
		j++ // TeX drops the blanks after a command word
	}
	if a, ok := accents[name]; ok {
		return applyAccent(s, j, a, b)
	}
	if sym, ok := latexSymbols[name]; ok {
		b.WriteString(sym)
		return j
	}
	switch name {
	case "url":
		if end, ok := braceEnd(s, j); ok {
			b.WriteString(s[j+1 : end])
			return end + 1
		}
	case "href", "noopsort":
		// \href{url}{text} shows text; {\noopsort{key}} only sorts.
		if end, ok := braceEnd(s, j); ok {
			return end + 1
		}
	}
	// Formatting (\emph, \textit, \bf) and unknown commands: keep the
	// argument, whose braces go with the other braces.
	return j
}

// accent is a LaTeX accent: its combining mark, and base letters followed
// by their precomposed accented letter.
type accent struct {
	mark     rune
	composed string
}

var accents = map[string]accent{
	`"`: {'\u0308', "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ"},
	`'`: {'\u0301', "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵGǴ"},
	"`": {'\u0300', "aàeèiìoòuùAÀEÈIÌOÒUÙnǹNǸ"},
	`^`: {'\u0302', "aâeêiîoôuûAÂEÊIÎOÔUÛcĉCĈgĝGĜhĥHĤjĵJĴsŝSŜwŵWŴyŷYŶ"},
	`~`: {'\u0303', "aãnñoõAÃNÑOÕiĩIĨuũUŨ"},
	`=`: {'\u0304', "aāeēiīoōuūAĀEĒIĪOŌUŪ"},
	`.`: {'\u0307', "zżZŻeėEĖcċCĊgġGĠIİ"},
	"c": {'\u0327', "cçCÇsşSŞtţTŢgģGĢkķKĶlļLĻnņNŅrŗRŖ"},
	"v": {'\u030c', "cčCČsšSŠzžZŽrřRŘeěEĚnňNŇdďDĎtťTŤ"},
	"u": {'\u0306', "aăAĂgğGĞuŭUŬ"},
	"H": {'\u030b', "oőOŐuűUŰ"},
	"k": {'\u0328', "aąAĄeęEĘiįIĮuųUŲ"},
	"r": {'\u030a', "aåAÅuůUŮ"},
	"d": {'\u0323', ""},
	"b": {'\u0331', ""},
}

// applyAccent reads the letter an accent applies to, starting at s[j] ("u",
// "{u}", "\i", "{\i}"), writes the accented letter and returns the offset
// after it. The } of a braced argument is left to be dropped with the others.
func applyAccent(s string, j int, a accent, b *strings.Builder) int {
	if j < len(s) && s[j] == '{' {
		j++
		for j < len(s) && s[j] == ' ' {
			j++
		}
	}
	var base rune
	switch {
	case j+1 < len(s) && s[j] == '\\' && (s[j+1] == 'i' || s[j+1] == 'j') && (j+2 == len(s) || !isLetter(s[j+2])):
		base = rune(s[j+1]) // dotless i and j take the accent as i and j
		j += 2
	case j < len(s) && s[j] != '}' && s[j] != '\\' && s[j] != '{' && !isSpaceByte(s[j]):
		var size int
		base, size = utf8.DecodeRuneInString(s[j:])
		j += size
	default:
		return j // nothing to put the accent on: drop it
	}
	b.WriteString(compose(a, base))
	return j
}

// compose returns base with the accent, precomposed when the table has it.
func compose(a accent, base rune) string {
	rs := []rune(a.composed)
	for k := 0; k+1 < len(rs); k += 2 {
		if rs[k] == base {
			return string(rs[k+1])
		}
	}
	return string(base) + string(a.mark)
}

// latexSymbols are commands that stand for a character.
var latexSymbols = map[string]string{
	"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð",
	"DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "textellipsis": "…", "ldots": "…",
	"dots": "…", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|",
	"textless": "<", "textgreater": ">", "textunderscore": "_", "textasciicircum": "^",
	"S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶", "copyright": "©",
	"textcopyright": "©", "textregistered": "®", "texttrademark": "™", "textdegree": "°",
	"pounds": "£", "textsterling": "£", "texteuro": "€", "euro": "€", "dag": "†", "ddag": "‡",
	"textbullet": "•", "textperiodcentered": "·", "guillemotleft": "«", "guillemotright": "»",
	"pm": "±", "textpm": "±", "times": "×", "texttimes": "×", "div": "÷", "le": "≤",
	"leq": "≤", "ge": "≥", "geq": "≥", "approx": "≈", "ne": "≠", "neq": "≠", "infty": "∞",
	"cdot": "·", "textmu": "µ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
	"epsilon": "ε", "kappa": "κ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ",
	"tau": "τ", "chi": "χ", "omega": "ω", "Delta": "Δ", "Omega": "Ω",
	"quad": " ", "qquad": " ", "enspace": " ", "nobreakspace": "\u00a0", "relax": "",
}
