import sharp from 'sharp'

/**
 * Colourful drawings for the demo, made of shapes only: the machine that seeds may have no fonts,
 * and a drawing of shapes looks the same everywhere.
 */
export type Illustration = {
  /** File name without extension. */
  name: string
  alt: string
  altEn: string
  svg: string
}

const W = 1200
const H = 800

const svg = (body: string, background: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
  `<rect width="${W}" height="${H}" fill="${background}"/>${body}</svg>`

const sun = (cx: number, cy: number, r: number) =>
  `<g fill="#FFC83D">${Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6
    const x = cx + Math.cos(a) * (r + 36)
    const y = cy + Math.sin(a) * (r + 36)
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="12"/>`
  }).join('')}<circle cx="${cx}" cy="${cy}" r="${r}"/></g>`

const cloud = (x: number, y: number, s = 1, fill = '#FFFFFF') =>
  `<g fill="${fill}" transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="0" r="50"/><circle cx="60" cy="-20" r="65"/><circle cx="130" cy="0" r="50"/><rect x="0" y="0" width="130" height="50"/></g>`

const flower = (x: number, y: number, petal: string) =>
  `<g transform="translate(${x} ${y})"><rect x="-4" y="0" width="8" height="90" fill="#3C9D4E"/>` +
  Array.from({ length: 6 }, (_, i) => `<circle cx="${(Math.cos((i * Math.PI) / 3) * 26).toFixed(1)}" cy="${(Math.sin((i * Math.PI) / 3) * 26).toFixed(1)}" r="20" fill="${petal}"/>`).join('') +
  `<circle r="16" fill="#FFD23F"/></g>`

const tree = (x: number, y: number, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-18" y="0" width="36" height="140" fill="#8B5A2B"/><circle cx="0" cy="-30" r="90" fill="#4CAF50"/><circle cx="-60" cy="10" r="60" fill="#43A047"/><circle cx="60" cy="10" r="60" fill="#66BB6A"/></g>`

const child = (x: number, y: number, shirt: string, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="-120" r="38" fill="#F5C7A0"/><path d="M-38 -130 Q0 -185 38 -130 Q20 -150 0 -148 Q-20 -150 -38 -130Z" fill="#3B2A20"/>` +
  `<rect x="-40" y="-80" width="80" height="90" rx="26" fill="${shirt}"/><rect x="-32" y="10" width="24" height="70" rx="10" fill="#34495E"/><rect x="8" y="10" width="24" height="70" rx="10" fill="#34495E"/></g>`

/** The drawings the demo uses; each is reused by several documents. */
export const illustrations: Illustration[] = [
  {
    name: 'san-truong-mua-xuan',
    alt: 'Tranh vẽ sân trường: mặt trời, cây xanh và các bạn nhỏ bên luống hoa',
    altEn: 'Drawing of a schoolyard: the sun, trees and children by a flower bed',
    svg: svg(
      `${sun(1030, 150, 70)}${cloud(180, 140)}${cloud(560, 110, 0.8)}` +
        `<path d="M0 560 Q300 470 600 560 T1200 540 V800 H0Z" fill="#8BC34A"/>` +
        `<rect x="380" y="300" width="440" height="270" fill="#FF8A65"/><path d="M350 310 L600 170 L850 310Z" fill="#E53935"/>` +
        `<rect x="560" y="440" width="80" height="130" fill="#6D4C41"/><rect x="420" y="360" width="90" height="70" fill="#B3E5FC"/><rect x="690" y="360" width="90" height="70" fill="#B3E5FC"/>` +
        `${tree(170, 480)}${tree(1040, 500, 0.9)}${flower(120, 660, '#F06292')}${flower(260, 680, '#BA68C8')}${flower(930, 670, '#FF7043')}${flower(1080, 690, '#F06292')}` +
        `${child(470, 720, '#42A5F5', 0.9)}${child(600, 730, '#FFCA28', 0.9)}${child(730, 720, '#EF5350', 0.9)}`,
      '#BFE9FF',
    ),
  },
  {
    name: 'ao-ca-va-dan-vit',
    alt: 'Tranh vẽ ao nước có đàn cá và đàn vịt bơi, bờ ao có hoa sen',
    altEn: 'Drawing of a pond with fish and ducks, lotus flowers at the edge',
    svg: svg(
      `${sun(140, 130, 55)}${cloud(760, 90, 0.9)}<rect y="330" width="${W}" height="470" fill="#4FC3F7"/>` +
        `<path d="M0 330 Q150 300 300 330 T600 330 T900 330 T1200 330 V360 H0Z" fill="#81D4FA"/>` +
        [[250, 560, '#FF7043'], [520, 650, '#FFCA28'], [830, 560, '#EC407A'], [1010, 700, '#AB47BC']]
          .map(([x, y, c]) => `<g transform="translate(${x} ${y})"><ellipse rx="70" ry="38" fill="${c}"/><path d="M60 0 L120 -36 L120 36Z" fill="${c}"/><circle cx="-38" cy="-8" r="8" fill="#FFFFFF"/><circle cx="-38" cy="-8" r="4" fill="#263238"/></g>`)
          .join('') +
        [[380, 380], [620, 410], [860, 370]]
          .map(([x, y]) => `<g transform="translate(${x} ${y})"><ellipse rx="70" ry="40" fill="#FFF8E1"/><circle cx="-55" cy="-45" r="32" fill="#FFF8E1"/><path d="M-85 -48 L-120 -40 L-85 -32Z" fill="#FF9800"/><circle cx="-62" cy="-52" r="5" fill="#263238"/></g>`)
          .join('') +
        `<g transform="translate(1080 360)"><ellipse rx="80" ry="22" fill="#2E7D32"/><circle cy="-60" r="36" fill="#F8BBD0"/><circle cy="-60" r="18" fill="#F48FB1"/></g>`,
      '#E1F5FE',
    ),
  },
  {
    name: 'nga-tu-an-toan',
    alt: 'Tranh vẽ ngã tư có đèn tín hiệu giao thông, vạch qua đường và ô tô',
    altEn: 'Drawing of a crossroads with traffic lights, a zebra crossing and a car',
    svg: svg(
      `${cloud(120, 120)}${cloud(820, 90, 0.8)}<rect y="460" width="${W}" height="340" fill="#546E7A"/>` +
        Array.from({ length: 8 }, (_, i) => `<rect x="${80 + i * 140}" y="620" width="80" height="14" fill="#FFFFFF"/>`).join('') +
        Array.from({ length: 6 }, (_, i) => `<rect x="470" y="${470 + i * 50}" width="260" height="26" fill="#ECEFF1"/>`).join('') +
        `<rect x="900" y="150" width="24" height="320" fill="#37474F"/><rect x="850" y="60" width="124" height="300" rx="24" fill="#263238"/>` +
        `<circle cx="912" cy="120" r="36" fill="#E53935"/><circle cx="912" cy="210" r="36" fill="#FDD835"/><circle cx="912" cy="300" r="36" fill="#43A047"/>` +
        `<g transform="translate(110 560)"><rect width="300" height="90" rx="30" fill="#1E88E5"/><path d="M50 0 L90 -60 H220 L260 0Z" fill="#1565C0"/><rect x="100" y="-50" width="50" height="40" fill="#BBDEFB"/><rect x="160" y="-50" width="50" height="40" fill="#BBDEFB"/><circle cx="70" cy="92" r="32" fill="#212121"/><circle cx="230" cy="92" r="32" fill="#212121"/></g>` +
        `${tree(1090, 330, 0.7)}`,
      '#C8E6C9',
    ),
  },
  {
    name: 'ngoi-nha-cua-be',
    alt: 'Tranh vẽ ngôi nhà có bố, mẹ và hai bé đứng trước sân',
    altEn: 'Drawing of a house with a father, a mother and two children in front',
    svg: svg(
      `${sun(1060, 130, 60)}<rect y="560" width="${W}" height="240" fill="#9CCC65"/>` +
        `<rect x="300" y="280" width="600" height="300" fill="#FFE082"/><path d="M260 300 L600 110 L940 300Z" fill="#8D6E63"/>` +
        `<rect x="550" y="420" width="100" height="160" fill="#6D4C41"/><rect x="360" y="350" width="120" height="90" fill="#81D4FA"/><rect x="720" y="350" width="120" height="90" fill="#81D4FA"/>` +
        `${tree(140, 470, 0.8)}${child(420, 690, '#7E57C2', 1.2)}${child(540, 695, '#EF5350', 1.15)}${child(660, 715, '#26A69A', 0.8)}${child(760, 720, '#FFA726', 0.75)}`,
      '#FFF3E0',
    ),
  },
  {
    name: 'mua-va-cau-vong',
    alt: 'Tranh vẽ đám mây, những giọt mưa và cầu vồng trên cánh đồng',
    altEn: 'Drawing of clouds, raindrops and a rainbow over a field',
    svg: svg(
      ['#E53935', '#FB8C00', '#FDD835', '#43A047', '#1E88E5', '#8E24AA']
        .map((c, i) => `<path d="M150 700 A450 450 0 0 1 1050 700" fill="none" stroke="${c}" stroke-width="34" transform="translate(0 ${i * 34})"/>`)
        .join('') +
        `${cloud(180, 190, 1.3, '#CFD8DC')}${cloud(720, 160, 1.4, '#B0BEC5')}` +
        Array.from({ length: 18 }, (_, i) => `<path d="M${200 + (i % 9) * 95} ${300 + Math.floor(i / 9) * 90} q-14 26 0 34 q14 -8 0 -34Z" fill="#29B6F6"/>`).join('') +
        `<rect y="700" width="${W}" height="100" fill="#7CB342"/>`,
      '#E3F2FD',
    ),
  },
  {
    name: 'hoa-dao-ngay-tet',
    alt: 'Tranh vẽ cành hoa đào hồng, đèn lồng đỏ và bánh chưng ngày Tết',
    altEn: 'Drawing of a pink peach-blossom branch, red lanterns and a square sticky-rice cake for Tết',
    svg: svg(
      `<path d="M0 200 Q300 260 520 180 T980 150" fill="none" stroke="#5D4037" stroke-width="22"/><path d="M420 200 Q480 300 600 330" fill="none" stroke="#5D4037" stroke-width="14"/>` +
        [[120, 230], [260, 250], [380, 210], [520, 180], [610, 320], [700, 160], [840, 150], [950, 140], [470, 270]]
          .map(([x, y]) => `<g transform="translate(${x} ${y})">${Array.from({ length: 5 }, (_, i) => `<circle cx="${(Math.cos((i * 2 * Math.PI) / 5) * 20).toFixed(1)}" cy="${(Math.sin((i * 2 * Math.PI) / 5) * 20).toFixed(1)}" r="16" fill="#F8BBD0"/>`).join('')}<circle r="9" fill="#EC407A"/></g>`)
          .join('') +
        [[230, 420], [980, 400]]
          .map(([x, y]) => `<g transform="translate(${x} ${y})"><rect x="-4" y="-120" width="8" height="60" fill="#FFC107"/><ellipse rx="80" ry="70" fill="#D32F2F"/><rect x="-50" y="-75" width="100" height="14" fill="#FFC107"/><rect x="-50" y="62" width="100" height="14" fill="#FFC107"/><rect x="-6" y="76" width="12" height="50" fill="#FFC107"/></g>`)
          .join('') +
        `<g transform="translate(600 610)"><rect x="-130" y="-110" width="260" height="220" fill="#388E3C"/><rect x="-130" y="-12" width="260" height="24" fill="#C5E1A5"/><rect x="-12" y="-110" width="24" height="220" fill="#C5E1A5"/></g>`,
      '#FFF8E1',
    ),
  },
  {
    name: 'goc-thu-vien',
    alt: 'Tranh vẽ góc thư viện với giá sách nhiều màu và tấm thảm đọc sách',
    altEn: 'Drawing of a reading corner with a colourful bookshelf and a rug',
    svg: svg(
      `<rect x="140" y="120" width="520" height="520" fill="#A1887F"/>` +
        [170, 300, 430, 560]
          .map((y, row) =>
            Array.from({ length: 9 }, (_, i) => {
              const colours = ['#E53935', '#1E88E5', '#FDD835', '#43A047', '#8E24AA', '#FB8C00']
              return `<rect x="${165 + i * 53}" y="${y - (i % 3) * 8}" width="42" height="${100 + (i % 3) * 8}" fill="${colours[(i + row) % colours.length]}"/>`
            }).join('') + `<rect x="140" y="${y + 100}" width="520" height="14" fill="#6D4C41"/>`,
          )
          .join('') +
        `<ellipse cx="900" cy="660" rx="260" ry="70" fill="#4DB6AC"/>${child(830, 650, '#FF7043', 1)}${child(980, 650, '#5C6BC0', 0.95)}` +
        `<g transform="translate(905 540)"><path d="M-60 0 L0 20 L60 0 L60 60 L0 80 L-60 60Z" fill="#FFFFFF" stroke="#90A4AE" stroke-width="4"/></g>`,
      '#FCE4EC',
    ),
  },
]

/** A book cover of coloured bands and shapes, varied by `seed`, for library items without a scan. */
export const bookCover = (seed: number): Illustration => {
  const palettes = [
    ['#FF7043', '#FFE0B2', '#6D4C41'],
    ['#42A5F5', '#E3F2FD', '#0D47A1'],
    ['#66BB6A', '#F1F8E9', '#1B5E20'],
    ['#AB47BC', '#F3E5F5', '#4A148C'],
    ['#FFCA28', '#FFFDE7', '#E65100'],
  ]
  const [main, light, dark] = palettes[seed % palettes.length]
  const body =
    `<rect x="0" y="0" width="90" height="${H}" fill="${dark}"/><rect x="150" y="80" width="980" height="300" rx="40" fill="${main}"/>` +
    `<circle cx="${420 + (seed % 3) * 180}" cy="560" r="150" fill="${main}" opacity="0.85"/>` +
    `<rect x="${700 - (seed % 2) * 300}" y="470" width="260" height="200" rx="30" fill="${dark}" opacity="0.8"/>` +
    `${sun(1020, 600, 50)}`
  return {
    name: `bia-sach-${seed + 1}`,
    alt: 'Bìa sách minh họa: các mảng màu và hình tròn, hình chữ nhật',
    altEn: 'Illustrative book cover: colour blocks, circles and rectangles',
    svg: svg(body, light),
  }
}

/**
 * Renders a drawing to a JPEG no larger than the website's largest image size. At the quality the
 * upload re-encodes every photo with (90), and without mozjpeg, which took three times as long
 * for a smaller file that the upload's re-encoding then throws away.
 */
export const renderJpeg = (illustration: Illustration): Promise<Buffer> =>
  sharp(Buffer.from(illustration.svg)).jpeg({ quality: 90 }).toBuffer()
