import { checkedString } from '../identity/identity.schema';
import {
  validateBasicCode,
  validateHandlingItemCode,
  validateImplementationCode,
} from './item-code.validator';

export const basicCodeSchema = checkedString((v) => validateBasicCode(v));
export const implementationCodeSchema = checkedString((v) => validateImplementationCode(v));
export const handlingItemCodeSchema = checkedString(validateHandlingItemCode);
