/** One step of the file format's history: turns a version `from` file into version `from + 1`. */
export interface Migration {
  readonly name: string;
  readonly from: number;
  readonly up: (file: Record<string, unknown>) => Record<string, unknown>;
}
