const MAX_SIDE = 1600;

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/**
 * A phone camera's photo is 3–8 MB: on a weak signal that never arrives. Shrink it to at most
 * 1600 px as a JPEG (a few hundred KB); if the browser cannot, the file as it is, and the server
 * judges its size and type. Also used by the representative's visit form.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#fff'; // transparent PNG areas would turn black in a JPEG
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    if (!blob) throw new Error('no blob');
    return blob;
  } catch {
    return file;
  }
}

/** The resident page sends the photo inside its JSON, as a data URL. */
export async function preparePhoto(file: File): Promise<string> {
  return readAsDataUrl(await shrinkPhoto(file));
}
