import { describeMatrix } from './suite.js'
import { localSurface } from './surfaces.js'

describeMatrix('access-matrix-local', [localSurface])
