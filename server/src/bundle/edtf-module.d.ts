// The `edtf` package ships no types; this is the part Rasd uses.
declare module "edtf" {
  interface EdtfValue {
    readonly type: string;
    readonly min: number;
    readonly max: number;
  }
  export default function edtf(value: string): EdtfValue;
}
