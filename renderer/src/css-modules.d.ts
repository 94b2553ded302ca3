/** Vite's CSS modules: class names scoped to one component. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
