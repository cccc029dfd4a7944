// Original file: proto/htq/v1/htq.proto

export const SigningAlgorithm = {
  SIGNING_ALGORITHM_UNSPECIFIED: 'SIGNING_ALGORITHM_UNSPECIFIED',
  SIGNING_ALGORITHM_HMAC_SHA256: 'SIGNING_ALGORITHM_HMAC_SHA256',
  SIGNING_ALGORITHM_ED25519: 'SIGNING_ALGORITHM_ED25519',
} as const;

export type SigningAlgorithm =
  | 'SIGNING_ALGORITHM_UNSPECIFIED'
  | 0
  | 'SIGNING_ALGORITHM_HMAC_SHA256'
  | 1
  | 'SIGNING_ALGORITHM_ED25519'
  | 2

export type SigningAlgorithm__Output = typeof SigningAlgorithm[keyof typeof SigningAlgorithm]
