import { describeMatrix } from './suite.js'
import { graphQLSurface } from './surfaces.js'

describeMatrix('access-matrix-graphql', [graphQLSurface])
