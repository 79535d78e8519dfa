# Tower: the same steps as the README (npm ci, build, npm start with DATABASE_URL set).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --include=dev --no-audit --no-fund  # postinstall generates the Prisma client (WebAssembly engine, no download)
COPY . .
RUN node node_modules/next/dist/bin/next build
EXPOSE 3000
# TOWER_WEB / TOWER_WORKERS choose the role of the container (web, worker, or both).
CMD ["npm", "start"]
