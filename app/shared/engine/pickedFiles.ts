/** Picked GGUF files by model id: a File cannot be stored, so a local model lasts until the page reloads. */
const picked = new Map<string, File[]>();

export const rememberPickedFiles = (modelId: string, files: File[]) => void picked.set(modelId, files);
export const pickedFilesOf = (modelId: string): File[] | undefined => picked.get(modelId);
