/**
 * Reading words typed without a Vietnamese keyboard: raw Telex ("truyeenj" → "truyện") and VNI
 * ("ho5c" → "học"), one syllable at a time, by the rules of those input methods. A reading is kept
 * only when it is a valid Vietnamese syllable (an onset, a rhyme that exists, and a tone that rhyme
 * can carry); "see" or "facebook" are left alone.
 */

const onsets = ['ngh', 'ng', 'gh', 'gi', 'ch', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '']

/** Every rhyme (vần) of standard Vietnamese, without tone. */
const rhymes = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
   i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oem oen oeo oet oi om on ong oong ooc op ot
   ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
   u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ up ut uy uya uych uyên uyêt uynh uyt uyu uôc uôi uôm uôn uông uôp uôt
   ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
   y yêm yên yêt yêu`.split(/\s+/),
)

const stopFinal = /(?:c|ch|p|t)$/

type Tone = '' | '\u0300' | '\u0301' | '\u0303' | '\u0309' | '\u0323'

/** Whether `base` (lowercase, vowel marks kept, no tone) is onset + rhyme, and the tone fits. */
const isSyllable = (base: string, tone: Tone = ''): boolean =>
  onsets.some((onset) => {
    if (!base.startsWith(onset)) return false
    let rhyme = base.slice(onset.length)
    // "gì", "gìn": the i of gi doubles as the vowel; "qu" always takes a vowel after it.
    if (onset === 'gi' && (rhyme === '' || /^[nmpct]/.test(rhyme))) rhyme = `i${rhyme}`
    if (!rhymes.has(rhyme)) return false
    // A syllable closed by c, ch, p or t takes only the rising or the heavy tone.
    return !stopFinal.test(rhyme) || tone === '\u0301' || tone === '\u0323'
  })

/** Whether a word, as typed (marks and tone ignored), could be a Vietnamese syllable. */
export const isVietnameseSyllable = (word: string): boolean => {
  const decomposed = word.normalize('NFD').toLowerCase()
  const tone = (decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0] ?? '') as Tone
  const base = decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC')
  return isSyllable(base, tone)
}

const vowel = /[aăâeêioôơuưy]/

/**
 * Puts the tone on the vowel that carries it: a vowel with a mark (ơ of ươ), otherwise the second
 * vowel of the cluster when a final follows or the cluster has three vowels, otherwise the first
 * ("hòa", "thủy", "mùa" as the school's documents write them). The u of qu and the i of gi belong
 * to the onset.
 */
const placeTone = (base: string, tone: Tone): string => {
  if (!tone) return base
  const start = /^(?:qu|gi)(?=[aăâeêioôơuưy])/.test(base) ? 2 : 0
  const positions: number[] = []
  for (let i = start; i < base.length; i++) if (vowel.test(base[i])) positions.push(i)
  if (positions.length === 0) return base
  const last = positions.at(-1)!
  const hasFinal = last < base.length - 1
  const marked = positions.filter((i) => /[ăâêôơư]/.test(base[i]))
  const target =
    marked.length > 0
      ? marked.at(-1)!
      : positions.length >= 3 || (positions.length === 2 && hasFinal)
        ? positions[1]
        : positions[0]
  return `${base.slice(0, target)}${base[target]}${tone}${base.slice(target + 1)}`.normalize('NFC')
}

const telexTones: Record<string, Tone> = { f: '\u0300', j: '\u0323', r: '\u0309', s: '\u0301', x: '\u0303' }
const vniTones: Record<string, Tone> = { '0': '', '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' }

/** Applies a horn (`w`, VNI 7) to the vowel cluster: uo → ươ, u → ư, o → ơ, a → ă (Telex only). */
const addHorn = (base: string, breveToo: boolean): string | undefined => {
  // VNI users often press 7 after each vowel of ươ ("tu7o7ng"): a second horn changes nothing.
  if (/ươ|[ơư](?![aeiouy])/.test(base) && !/u[oô]/.test(base)) return base
  if (/u[oô]/.test(base) && !/^qu/.test(base)) return base.replace(/u[oô]/, 'ươ')
  if (/u/.test(base.replace(/^qu/, '')) && !/[ơư]/.test(base)) return base.replace(/^(qu)?(.*?)u/, (_m, qu = '', before) => `${qu}${before}ư`)
  if (/o/.test(base)) return base.replace('o', 'ơ')
  if (breveToo && /a/.test(base)) return base.replace('a', 'ă')
  return undefined
}

/** Applies a circumflex (VNI 6) to the last a, e or o of the vowel cluster. */
const addCircumflex = (base: string): string | undefined => {
  const match = /[aeo](?=[^aeo]*$)/.exec(base)
  if (!match) return undefined
  const marked = { a: 'â', e: 'ê', o: 'ô' }[match[0] as 'a' | 'e' | 'o']
  return `${base.slice(0, match.index)}${marked}${base.slice(match.index + 1)}`
}

const finish = (base: string | undefined, tone: Tone, typed: string): string | undefined => {
  if (!base || !isSyllable(base, tone)) return undefined
  const word = placeTone(base, tone)
  return word === typed.toLowerCase() ? undefined : word
}

/** "truyeenj" → "truyện", "dduwowngf" → "đường", "bacs" → "bác"; undefined when not Telex. */
export const decodeTelex = (typed: string): string | undefined => {
  const word = typed.normalize('NFC').toLowerCase()
  if (!/^[a-z]+$/.test(word)) return undefined
  const firstVowel = word.search(vowel)
  if (firstVowel < 0) return undefined
  // A tone key stands after the first vowel (no Vietnamese final is one of these letters); the
  // last one typed counts, as in the input method.
  let tone: Tone = ''
  let rest = word
  for (let i = word.length - 1; i > firstVowel; i--) {
    if (word[i] in telexTones) {
      tone = telexTones[word[i]]
      rest = word.slice(0, i) + word.slice(i + 1)
      break
    }
  }
  let base: string | undefined = rest.replace(/^dd/, 'đ').replace('aa', 'â').replace('ee', 'ê').replace('oo', 'ô')
  // The horn key may come anywhere after its vowels: "truowng", "truongw" and "truwowng" are "trương".
  if (base.includes('w')) base = addHorn(base.replaceAll('w', ''), true)
  if (base === rest && tone === '') return undefined
  return finish(base, tone, typed)
}

/** "ho5c" → "học", "lie6u5" → "liệu", "d9i" → "đi"; undefined when not VNI. */
export const decodeVni = (typed: string): string | undefined => {
  const word = typed.normalize('NFC').toLowerCase()
  if (!/^[a-z][a-z0-9]*$/.test(word) || !/[0-9]/.test(word) || !/[a-z]/.test(word)) return undefined
  let base: string | undefined = word.replace(/[0-9]/g, '')
  let tone: Tone = ''
  for (const digit of word.match(/[0-9]/g) ?? []) {
    if (!base) return undefined
    if (digit in vniTones) tone = vniTones[digit]
    else if (digit === '6') base = addCircumflex(base)
    else if (digit === '7') base = addHorn(base, false)
    else if (digit === '8') base = /a/.test(base) ? base.replace('a', 'ă') : undefined
    else if (digit === '9') base = base.startsWith('d') ? `đ${base.slice(1)}` : undefined
  }
  return finish(base, tone, typed)
}

/**
 * How a typed word may be meant: its Telex or VNI reading, and whether that reading is the only
 * sensible one (the word as typed is not a Vietnamese syllable: "bacs", "hoof", "ho5c"), or one of
 * two ("xoong" is a word, and Telex for "xông").
 */
export const decodeTyped = (typed: string): { ambiguous: boolean; decoded: string } | undefined => {
  const decoded = decodeTelex(typed) ?? decodeVni(typed)
  if (!decoded) return undefined
  return { ambiguous: isVietnameseSyllable(typed), decoded }
}
