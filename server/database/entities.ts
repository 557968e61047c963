import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { User } from '../identity/user.entity.js';

/** Every entity, listed explicitly so discovery works the same under ts-jest and from dist/. */
export const entities = [Pemda, Opd, User];
