import { describeMatrix } from './suite.js'
import { restSurface } from './surfaces.js'

describeMatrix('access-matrix-rest', [restSurface])
