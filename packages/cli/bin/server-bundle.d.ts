export declare const BUNDLE_ROOT: string;
export declare function sourceFingerprint(root?: string): string;
export declare function ensureServerBundle(): Promise<string>;
