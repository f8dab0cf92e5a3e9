// The similar-matter schemas live in @jiceng/shared/schemas/similar (the web reads their types).
export * from '@jiceng/shared/schemas/similar';
